/** The Mermaid picture of each environment, from the synthesized stacks. */
import { diagramMarkdown, diagramMermaid } from '../../lib/baseline/diagram';
import { add, clusterRef, real, view } from './helpers';

const prod = diagramMermaid(view(real()));

test('the default prod diagram groups resources by stack', () => {
  expect(prod).toMatch(/^flowchart LR\n {2}subgraph prod_infra\["prod-infra"\]\n/);
  expect(prod).toContain('subgraph prod_platform["prod-platform"]');
  expect(prod).toMatch(/prod_infra_azurerm_kubernetes_cluster_aks_cluster_[0-9A-F]{8}\["aks\/cluster<br\/><i>azurerm_kubernetes_cluster<\/i>"\]/);
});

test('the cluster points at its control-plane identity', () => {
  expect(prod).toMatch(/prod_infra_azurerm_kubernetes_cluster_aks_cluster_\w+ -->\|identity\| prod_infra_azurerm_user_assigned_identity_aks_identity_\w+/);
});

test('the in-cluster providers point across stacks at the cluster they are configured from', () => {
  expect(prod).toMatch(/prod_platform_provider_helm -->\|configured from\| prod_infra_azurerm_kubernetes_cluster_aks_cluster_\w+/);
  expect(prod).toMatch(/prod_platform_provider_kubernetes -->\|configured from\| prod_infra_azurerm_kubernetes_cluster_aks_cluster_\w+/);
});

test('the default diagrams (reviewed artefact)', () => {
  expect(diagramMarkdown(view(real(), 'dev'))).toMatchSnapshot('dev');
  expect(diagramMarkdown(view(real(), 'prod'))).toMatchSnapshot('prod');
});

test('identities, federated credentials, role assignments and Helm releases are linked (FIXTURE)', () => {
  const s = real();
  add(s, 'prod-infra', 'azurerm_user_assigned_identity', 'velero_id', { name: 'id-velero' });
  add(s, 'prod-infra', 'azurerm_federated_identity_credential', 'velero_fic', {
    parent_id: '${azurerm_user_assigned_identity.velero_id.id}', issuer: clusterRef(s, 'oidc_issuer_url'), subject: 'system:serviceaccount:velero:velero',
  });
  add(s, 'prod-infra', 'azurerm_storage_account', 'backup', { name: 'stbkdemoprod' });
  add(s, 'prod-infra', 'azurerm_role_assignment', 'velero_blob', {
    scope: '${azurerm_storage_account.backup.id}', principal_id: '${azurerm_user_assigned_identity.velero_id.principal_id}', role_definition_name: 'Storage Blob Data Contributor',
  });
  s['prod-infra'].output = { ...s['prod-infra'].output, velero_client_id: { value: '${azurerm_user_assigned_identity.velero_id.client_id}' } };
  add(s, 'prod-platform', 'helm_release', 'velero', {
    chart: 'velero', values: ['x: ${data.terraform_remote_state.cross-stack-reference-input-prod-infra.outputs.velero_client_id}'],
  });
  const d = diagramMermaid(view(s));
  expect(d).toContain('prod_infra_azurerm_federated_identity_credential_velero_fic -->|parent_id| prod_infra_azurerm_user_assigned_identity_velero_id');
  expect(d).toMatch(/prod_infra_azurerm_federated_identity_credential_velero_fic -->\|issuer\| prod_infra_azurerm_kubernetes_cluster_/);
  expect(d).toContain('prod_infra_azurerm_role_assignment_velero_blob -->|scope| prod_infra_azurerm_storage_account_backup');
  expect(d).toContain('prod_infra_azurerm_role_assignment_velero_blob -->|principal_id| prod_infra_azurerm_user_assigned_identity_velero_id');
  expect(d).toContain('prod_platform_helm_release_velero -->|values| prod_infra_azurerm_user_assigned_identity_velero_id');
});

test('the same stacks always give the same diagram', () => {
  expect(diagramMermaid(view(real()))).toBe(prod);
});
