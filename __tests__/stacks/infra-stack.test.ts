import { stack, type StackJson } from '../helpers/synth';

const prod = () => stack('prod-infra');
/** Resource types that take no tags in azurerm 4.55. */
const UNTAGGABLE = new Set([
  'azurerm_subnet',
  'azurerm_federated_identity_credential',
  'azurerm_storage_container',
  'azurerm_role_assignment',
  'azurerm_monitor_data_collection_rule_association',
  'azurerm_monitor_diagnostic_setting',
]);

describe('outputs', () => {
  const outputs = () => prod().output!;

  test.each([
    ['cluster_id', /^\$\{azurerm_kubernetes_cluster\.aks_cluster_\w+\.id\}$/],
    ['cluster_name', /^\$\{azurerm_kubernetes_cluster\.aks_cluster_\w+\.name\}$/],
    ['api_host', /\.kube_config\[0\]\.host\}$/],
    ['cluster_ca_certificate', /\.kube_config\[0\]\.cluster_ca_certificate\}$/],
    ['oidc_issuer_url', /\.oidc_issuer_url\}$/],
    ['kubelet_identity_object_id', /\.kubelet_identity\[0\]\.object_id\}$/],
    ['kubelet_identity_client_id', /\.kubelet_identity\[0\]\.client_id\}$/],
    ['secrets_provider_identity_object_id', /\.key_vault_secrets_provider\[0\]\.secret_identity\[0\]\.object_id\}$/],
    ['secrets_provider_identity_client_id', /\.key_vault_secrets_provider\[0\]\.secret_identity\[0\]\.client_id\}$/],
    ['node_resource_group', /\.node_resource_group\}$/],
    ['log_analytics_workspace_id', /azurerm_log_analytics_workspace\.log-analytics_workspace_\w+\.id\}$/],
  ])('%s', (name, value) => {
    expect(outputs()[name].value).toMatch(value);
  });

  test('outputs from the kubeconfig are sensitive, identifiers are not', () => {
    const o = outputs();
    expect(o.api_host.sensitive).toBe(true);
    expect(o.cluster_ca_certificate.sensitive).toBe(true);
    for (const name of ['cluster_id', 'cluster_name', 'oidc_issuer_url', 'kubelet_identity_object_id', 'node_resource_group']) expect(o[name].sensitive).toBeUndefined();
  });
});

describe('tags', () => {
  test.each(['dev', 'prod'])('%s: every taggable resource carries environment, owner and project', (env) => {
    const s: StackJson = stack(`${env}-infra`, { environments: { [env]: { cluster: { identity: { kubelet: 'create' } }, nodePools: { win: { kind: 'windows' } } } } });
    let checked = 0;
    for (const [type, resources] of Object.entries(s.resource ?? {})) {
      if (UNTAGGABLE.has(type)) continue;
      for (const [key, r] of Object.entries(resources)) {
        expect([type, key, r.tags]).toEqual([type, key, expect.objectContaining({ environment: env, owner: 'platform-team', project: 'demo' })]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(8);
  });

  test('the default pool carries the tags too', () => {
    expect(Object.values(prod().resource!.azurerm_kubernetes_cluster)[0].default_node_pool).toMatchObject({ tags: { environment: 'prod' } });
  });
});

describe('Terraform addresses of resources that hold state or data', () => {
  // Renaming a construct ID renames the Terraform address: the resource is destroyed and recreated.
  test.each([
    ['azurerm_kubernetes_cluster', 'aks_cluster_D4B35EC5'],
    ['azurerm_user_assigned_identity', 'aks_identity_F6085857'],
    ['azurerm_log_analytics_workspace', 'log-analytics_workspace_0A77D0FB'],
    ['azurerm_virtual_network', 'network_vnet_BCBC8A9D'],
  ])('%s is %s', (type, key) => {
    expect(Object.keys(prod().resource![type])).toContain(key);
  });
});
