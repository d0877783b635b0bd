import { all, stack } from '../helpers/synth';
import { byPath, crossStack, ref } from '../helpers/terraform';
import { parse } from 'yaml';

/** The default prod workloads: orders (workload identity, per-object grants) and legacy-batch (add-on identity). */
const infra = () => stack('prod-infra');
const platform = () => stack('prod-platform');
const CLUSTER = () => byPath(infra(), 'azurerm_kubernetes_cluster', 'aks/cluster').name;
const VAULT = () => byPath(infra(), 'azurerm_key_vault', 'key-vault/vault').name;
const ORDERS_ID = () => byPath(infra(), 'azurerm_user_assigned_identity', 'aks/workload-orders/identity');

describe('workload identity: federated credential', () => {
  test('issuer is a reference to the cluster\'s OIDC issuer URL', () => {
    const fic = byPath(infra(), 'azurerm_federated_identity_credential', 'aks/workload-orders/federated-credential').body;
    expect(fic.issuer).toBe(ref('azurerm_kubernetes_cluster', CLUSTER(), 'oidc_issuer_url'));
  });

  test('belongs to the workload\'s identity, trusts exactly its ServiceAccount, with the token-exchange audience', () => {
    const fic = byPath(infra(), 'azurerm_federated_identity_credential', 'aks/workload-orders/federated-credential').body;
    expect(fic.parent_id).toBe(ref('azurerm_user_assigned_identity', ORDERS_ID().name, 'id'));
    expect(fic.subject).toBe('system:serviceaccount:orders:orders-api');
    expect(fic.audience).toEqual(['api://AzureADTokenExchange']);
  });

  test('the identity is named after project, environment and workload', () => {
    expect(ORDERS_ID().body.name).toBe('id-demo-prod-orders');
  });
});

describe('workload identity: least-privilege grants', () => {
  const grants = () => Object.values(all(infra(), 'azurerm_role_assignment'));

  test('scope object: one assignment per object, scoped to that object, with the seed\'s role for its type', () => {
    const principal = ref('azurerm_user_assigned_identity', ORDERS_ID().name, 'principal_id');
    const mine = grants().filter((g) => g.principal_id === principal);
    const vault = `\${azurerm_key_vault.${VAULT()}.id}`;
    expect(mine.map((g) => [g.scope, g.role_definition_name, g.principal_type]).sort()).toEqual([
      [`${vault}/keys/signing-key`, 'Key Vault Certificate User', 'ServicePrincipal'],
      [`${vault}/secrets/db-dsn`, 'Key Vault Secrets User', 'ServicePrincipal'],
    ]);
  });

  test('scope vault (the dev default): one assignment per role, on the vault', () => {
    const s = stack('dev-infra');
    const id = byPath(s, 'azurerm_user_assigned_identity', 'aks/workload-orders/identity').name;
    const vault = byPath(s, 'azurerm_key_vault', 'key-vault/vault').name;
    const mine = Object.values(all(s, 'azurerm_role_assignment')).filter((g) => g.principal_id === ref('azurerm_user_assigned_identity', id, 'principal_id'));
    expect(mine.map((g) => [g.scope, g.role_definition_name])).toEqual([[ref('azurerm_key_vault', vault, 'id'), 'Key Vault Secrets User']]);
  });

  test('add-on identity mode: the secrets-provider identity gets the role on the vault', () => {
    const principal = `\${azurerm_kubernetes_cluster.${CLUSTER()}.key_vault_secrets_provider[0].secret_identity[0].object_id}`;
    const mine = grants().filter((g) => g.principal_id === principal);
    expect(mine.map((g) => [g.scope, g.role_definition_name])).toEqual([[ref('azurerm_key_vault', VAULT(), 'id'), 'Key Vault Secrets User']]);
  });

  test('add-on identity grants are merged across workloads (no duplicate assignment)', () => {
    const s = stack('prod-infra', {
      environments: { prod: { workloads: { second: { namespace: 'batch', mode: 'addonIdentity', objects: [{ name: 'batch-token' }, { name: 'ca', type: 'cert' }] } } } },
    });
    const cluster = byPath(s, 'azurerm_kubernetes_cluster', 'aks/cluster').name;
    const principal = `\${azurerm_kubernetes_cluster.${cluster}.key_vault_secrets_provider[0].secret_identity[0].object_id}`;
    const roles = Object.values(all(s, 'azurerm_role_assignment')).filter((g) => g.principal_id === principal).map((g) => g.role_definition_name);
    expect(roles.sort()).toEqual(['Key Vault Certificate User', 'Key Vault Secrets User']);
  });

  test('nothing broader than the two Key Vault read roles is assigned on the vault', () => {
    const vaultRoles = new Set(grants().filter((g) => String(g.scope).includes('azurerm_key_vault.')).map((g) => g.role_definition_name));
    expect([...vaultRoles].sort()).toEqual(['Key Vault Certificate User', 'Key Vault Secrets User']);
  });

  test('access-policy vault: get on exactly the object types read, for the workload identity', () => {
    const s = stack('prod-infra', { environments: { prod: { keyVault: { authorization: 'accessPolicy' }, workloads: { orders: { scope: 'vault' } } } } });
    const id = byPath(s, 'azurerm_user_assigned_identity', 'aks/workload-orders/identity').name;
    const policy = byPath(s, 'azurerm_key_vault_access_policy', 'key-vault/read-id-demo-prod-orders').body;
    expect(policy).toMatchObject({
      key_vault_id: ref('azurerm_key_vault', byPath(s, 'azurerm_key_vault', 'key-vault/vault').name, 'id'),
      object_id: ref('azurerm_user_assigned_identity', id, 'principal_id'),
      secret_permissions: ['Get'],
      key_permissions: ['Get'],
      certificate_permissions: [],
    });
    expect(byPath(s, 'azurerm_key_vault', 'key-vault/vault').body.rbac_authorization_enabled).toBe(false);
    expect(Object.values(all(s, 'azurerm_role_assignment')).filter((g) => String(g.scope).includes('azurerm_key_vault.'))).toEqual([]);
  });
});

describe('platform stack: ServiceAccount', () => {
  const sa = () => byPath(platform(), 'kubernetes_service_account_v1', 'workload-orders-service-account/service-account').body;

  test('annotation azure.workload.identity/client-id resolves to the same identity\'s client ID (cross-stack)', () => {
    const annotation = sa().metadata.annotations['azure.workload.identity/client-id'];
    expect(crossStack(annotation, infra())).toBe(ref('azurerm_user_assigned_identity', ORDERS_ID().name, 'client_id'));
  });

  test('labelled azure.workload.identity/use "true", named as the federated subject, in the namespace the stack creates', () => {
    const ns = byPath(platform(), 'kubernetes_namespace_v1', 'namespace-orders/namespace');
    expect(sa().metadata).toMatchObject({
      name: 'orders-api',
      namespace: ref('kubernetes_namespace_v1', ns.name, 'metadata[0].name'),
      labels: { 'azure.workload.identity/use': 'true' },
    });
    expect(ns.body.metadata.name).toBe('orders');
  });

  test('add-on identity mode creates no ServiceAccount', () => {
    expect(Object.keys(all(platform(), 'kubernetes_service_account_v1'))).toHaveLength(1);
  });
});

describe('platform stack: SecretProviderClass', () => {
  const spc = (w: string) => byPath(platform(), 'kubernetes_manifest', `workload-${w}-secret-provider-class/manifest`).body.manifest;

  test('workload identity mode: provider azure, usePodIdentity "false", clientID = the identity\'s client ID', () => {
    const m = spc('orders');
    expect(m).toMatchObject({ apiVersion: 'secrets-store.csi.x-k8s.io/v1', kind: 'SecretProviderClass', metadata: { name: 'orders' }, spec: { provider: 'azure' } });
    const p = m.spec.parameters;
    expect(p.usePodIdentity).toBe('false');
    expect(p.useVMManagedIdentity).toBeUndefined();
    expect(crossStack(p.clientID, infra())).toBe(ref('azurerm_user_assigned_identity', ORDERS_ID().name, 'client_id'));
    expect(crossStack(p.keyvaultName, infra())).toBe(ref('azurerm_key_vault', VAULT(), 'name'));
    expect(p.tenantId).toBe('00000000-0000-0000-0000-000000000000');
    expect(p.cloudName).toBe('');
  });

  test('objects is the seed\'s YAML string: an array of YAML strings with objectName, objectType, objectVersion, objectAlias', () => {
    const objects = parse(spc('orders').spec.parameters.objects) as { array: string[] };
    expect(objects.array.map((o) => parse(o))).toEqual([
      { objectName: 'db-dsn', objectType: 'secret', objectVersion: '' },
      { objectName: 'signing-key', objectType: 'key', objectVersion: '', objectAlias: 'signing-key.pem' },
    ]);
  });

  test('secretObjects syncs the configured Kubernetes Secret', () => {
    expect(spc('orders').spec.secretObjects).toEqual([{ secretName: 'orders-db', type: 'Opaque', data: [{ objectName: 'db-dsn', key: 'dsn' }] }]);
  });

  test('add-on identity mode: useVMManagedIdentity "true", userAssignedIdentityID = the secrets-provider identity\'s client ID', () => {
    const p = spc('legacy-batch').spec.parameters;
    expect(p).toMatchObject({ usePodIdentity: 'false', useVMManagedIdentity: 'true' });
    expect(p.clientID).toBeUndefined();
    expect(crossStack(p.userAssignedIdentityID, infra())).toBe(
      `\${azurerm_kubernetes_cluster.${CLUSTER()}.key_vault_secrets_provider[0].secret_identity[0].client_id}`,
    );
  });

  test('kubelet identity mode: useVMManagedIdentity with the kubelet identity\'s client ID, and its grant on the vault', () => {
    const patch = { environments: { prod: { workloads: { 'legacy-batch': { mode: 'kubeletIdentity' } } } } };
    const s = stack('prod-infra', patch);
    const cluster = byPath(s, 'azurerm_kubernetes_cluster', 'aks/cluster').name;
    const p = byPath(stack('prod-platform', patch), 'kubernetes_manifest', 'workload-legacy-batch-secret-provider-class/manifest').body.manifest.spec.parameters;
    expect(p).toMatchObject({ usePodIdentity: 'false', useVMManagedIdentity: 'true' });
    expect(crossStack(p.userAssignedIdentityID, s)).toBe(`\${azurerm_kubernetes_cluster.${cluster}.kubelet_identity[0].client_id}`);
    expect(byPath(s, 'azurerm_role_assignment', 'key-vault/read-kubelet-key-vault-secrets-user').body).toMatchObject({
      scope: ref('azurerm_key_vault', byPath(s, 'azurerm_key_vault', 'key-vault/vault').name, 'id'),
      principal_id: `\${azurerm_kubernetes_cluster.${cluster}.kubelet_identity[0].object_id}`,
      role_definition_name: 'Key Vault Secrets User',
    });
  });

  test('an existing vault by ID: keyvaultName is its name, grants are scoped to its ID, nothing is created', () => {
    const id = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-shared/providers/Microsoft.KeyVault/vaults/kv-shared';
    const patch = { environments: { prod: { keyVault: { existingId: id } } } };
    const s = stack('prod-infra', patch);
    expect(all(s, 'azurerm_key_vault')).toEqual({});
    const scopes = Object.values(all(s, 'azurerm_role_assignment')).map((g) => g.scope);
    expect(scopes).toEqual(expect.arrayContaining([`${id}/secrets/db-dsn`, id]));
    const m = byPath(stack('prod-platform', patch), 'kubernetes_manifest', 'workload-orders-secret-provider-class/manifest').body.manifest;
    expect(m.spec.parameters.keyvaultName).toBe('kv-shared');
  });
});

describe('platform stack: namespaces', () => {
  const allNamespaces = (patch?: Record<string, unknown>) =>
    Object.values(all(stack('prod-platform', patch), 'kubernetes_namespace_v1')).map((n) => n.metadata.name as string).sort();
  // Namespaces that exist without any workload (add-ons, the namespace baseline) are not the workloads' doing.
  const withoutWorkloads = allNamespaces({ environments: { prod: { workloads: null } } });
  const namespaces = (patch?: Record<string, unknown>) => allNamespaces(patch).filter((n) => !withoutWorkloads.includes(n));

  test('each workload namespace is created once by the platform stack', () => {
    const patch = { environments: { prod: { workloads: { second: { namespace: 'orders', objects: [{ name: 'x' }] } } } } };
    expect(namespaces(patch)).toEqual(['batch', 'orders']);
  });

  test('built-in namespaces are used, never created', () => {
    const patch = { environments: { prod: { workloads: { orders: { namespace: 'default' } } } } };
    expect(namespaces(patch)).toEqual(['batch']);
    const sa = byPath(stack('prod-platform', patch), 'kubernetes_service_account_v1', 'workload-orders-service-account/service-account').body;
    expect(sa.metadata.namespace).toBe('default');
  });

  test('createNamespace false leaves the namespace to someone else', () => {
    expect(namespaces({ environments: { prod: { workloads: { 'legacy-batch': { createNamespace: false } } } } })).toEqual(['orders']);
  });
  describe('a workload namespace is an application namespace', () => {
    const p = () => stack('prod-platform');
    const inNs = (type: string, name: string) =>
      Object.values(all(p(), type)).filter((o) => JSON.stringify(o.metadata.namespace).includes(`namespace-${name}_namespace`));
    const ns = (name: string, patch?: Record<string, unknown>) =>
      Object.values(all(stack('prod-platform', patch), 'kubernetes_namespace_v1')).find((n) => n.metadata.name === name);

    test('labelled platform/role application and restricted, like the namespaces entries', () => {
      expect(ns('orders')!.metadata.labels).toMatchObject({ 'platform/role': 'application', 'pod-security.kubernetes.io/enforce': 'restricted' });
    });

    test('with the namespace baseline\'s defaults: the seed\'s quota and LimitRange, default-deny ingress except from the ingress controller', () => {
      for (const name of ['orders', 'batch']) {
        expect(inNs('kubernetes_resource_quota_v1', name).map((q) => q.spec.hard)).toEqual([expect.objectContaining({ 'requests.cpu': '100', 'limits.memory': '400Gi' })]);
        expect(inNs('kubernetes_limit_range_v1', name)).toHaveLength(1);
        expect(inNs('kubernetes_network_policy_v1', name).map((n) => [n.metadata.name, n.spec.pod_selector, n.spec.policy_types])).toEqual([
          ['allow-from-ingress-controller', {}, ['Ingress']],
          ['deny-all-ingress', {}, ['Ingress']],
        ]);
      }
    });

    test('the same construct addresses as a namespaces entry, so moving it there keeps its Terraform addresses', () => {
      const moved = stack('prod-platform', { environments: { prod: { namespaces: { production: {}, staging: {}, orders: {} } } } });
      const names = (s: ReturnType<typeof p>) => Object.keys(all(s, 'kubernetes_resource_quota_v1')).filter((k) => k.includes('orders'));
      expect(names(p())).toHaveLength(1);
      expect(names(moved)).toEqual(names(p()));
    });

    test('a workload in a namespaces entry uses that entry\'s baseline, created once', () => {
      const s = stack('prod-platform', { environments: { prod: { workloads: { orders: { namespace: 'production' } } } } });
      const quotas = Object.values(all(s, 'kubernetes_resource_quota_v1')).filter((q) => JSON.stringify(q.metadata.namespace).includes('namespace-production_'));
      expect(quotas).toHaveLength(1);
    });

    test('a workload in an add-on namespace gets no application baseline there', () => {
      const s = stack('prod-platform', { environments: { prod: { workloads: { orders: { namespace: 'velero' } } } } });
      expect(Object.values(all(s, 'kubernetes_namespace_v1')).find((n) => n.metadata.name === 'velero')!.metadata.labels['platform/role']).toBe('addon');
      expect(Object.keys(all(s, 'kubernetes_resource_quota_v1')).filter((k) => k.includes('velero'))).toEqual([]);
    });

    test('built-in and createNamespace false namespaces get no baseline', () => {
      const s = stack('prod-platform', { environments: { prod: { workloads: { orders: { namespace: 'default' }, 'legacy-batch': { createNamespace: false } } } } });
      expect(Object.values(all(s, 'kubernetes_resource_quota_v1')).map((q) => q.metadata.namespace).join()).not.toMatch(/default|batch/);
    });
  });
});
