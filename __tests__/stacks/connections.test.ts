/**
 * Connection info per workload (Service Connector parity, seed 001): the ConfigMap beside the ServiceAccount, the
 * further targets' grants, and what stays out of it.
 */
import { all, config, configText, stack } from '../helpers/synth';
import { byPath, crossStack, ref } from '../helpers/terraform';

const ACCOUNT = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stordersdata';
const prod = (orders: Record<string, unknown>) => ({ environments: { prod: { workloads: { orders: orders } } } });
const withTargets = prod({ connections: { storageBlob: { accountId: ACCOUNT, access: 'write' }, registry: 'pull' } });

const configMap = (patch?: Record<string, unknown>) =>
  byPath(stack('prod-platform', patch), 'kubernetes_config_map_v1', 'workload-orders-connection/config-map').body;
const ordersIdentity = (patch?: Record<string, unknown>) => byPath(stack('prod-infra', patch), 'azurerm_user_assigned_identity', 'aks/workload-orders/identity').name;

describe('the connection ConfigMap', () => {
  test('sits in the workload namespace beside its ServiceAccount, named <workload>-connection', () => {
    const platform = stack('prod-platform');
    const sa = byPath(platform, 'kubernetes_service_account_v1', 'workload-orders-service-account/service-account').body;
    expect(configMap().metadata.name).toBe('orders-connection');
    expect(configMap().metadata.namespace).toBe(sa.metadata.namespace);
  });

  test('carries the Key Vault settings under Service Connector\'s names, read from the infra stack', () => {
    const data = configMap().data;
    const infra = stack('prod-infra');
    const vault = byPath(infra, 'azurerm_key_vault', 'key-vault/vault').name;
    const clientId = ref('azurerm_user_assigned_identity', ordersIdentity(), 'client_id');
    expect(crossStack(data.AZURE_KEYVAULT_RESOURCEENDPOINT, infra)).toBe(ref('azurerm_key_vault', vault, 'vault_uri'));
    expect(crossStack(data.AZURE_KEYVAULT_CLIENTID, infra)).toBe(clientId);
    expect(crossStack(data.AZURE_CLIENT_ID, infra)).toBe(clientId);
    expect(data.AZURE_KEYVAULT_SCOPE).toBe('https://vault.azure.net/.default');
    expect(data.AZURE_TENANT_ID).toBe(config().environments[1].tenantId);
  });

  test('holds only the Key Vault target by default', () => {
    expect(Object.keys(configMap().data).sort()).toEqual([
      'AZURE_CLIENT_ID',
      'AZURE_KEYVAULT_CLIENTID',
      'AZURE_KEYVAULT_RESOURCEENDPOINT',
      'AZURE_KEYVAULT_SCOPE',
      'AZURE_TENANT_ID',
    ]);
  });

  test('adds the blob endpoint and the registry for the targets the workload is granted', () => {
    const data = configMap(withTargets).data;
    const infra = stack('prod-infra', withTargets);
    const clientId = ref('azurerm_user_assigned_identity', ordersIdentity(withTargets), 'client_id');
    expect(data.AZURE_STORAGEBLOB_RESOURCEENDPOINT).toBe('https://stordersdata.blob.core.windows.net/');
    expect(crossStack(data.AZURE_STORAGEBLOB_CLIENTID, infra)).toBe(clientId);
    const registry = byPath(infra, 'azurerm_container_registry', 'acr/registry').name;
    expect(data.AZURE_CONTAINERREGISTRY_RESOURCEENDPOINT).toMatch(/^https:\/\/\$\{data\.terraform_remote_state\./);
    expect(crossStack(data.AZURE_CONTAINERREGISTRY_RESOURCEENDPOINT.replace('https://', ''), infra)).toBe(ref('azurerm_container_registry', registry, 'login_server'));
    expect(crossStack(data.AZURE_CONTAINERREGISTRY_CLIENTID, infra)).toBe(clientId);
  });

  test('repeats nothing the workload identity webhook injects, and holds no secret', () => {
    const data = configMap(withTargets).data;
    expect(Object.keys(data)).not.toContain('AZURE_FEDERATED_TOKEN_FILE');
    expect(Object.keys(data)).not.toContain('AZURE_AUTHORITY_HOST');
    expect(Object.keys(data).filter((k) => /SECRET|PASSWORD|KEY$|CONNECTIONSTRING/.test(k))).toEqual([]);
  });

  test('can be switched off', () => {
    expect(all(stack('prod-platform', prod({ connections: { configMap: false } })), 'kubernetes_config_map_v1')).toEqual({});
  });

  test('node-identity workloads get none (there is no identity of their own to name)', () => {
    const names = Object.values(all(stack('prod-platform'), 'kubernetes_config_map_v1')).map((c) => c.metadata.name);
    expect(names).toEqual(['orders-connection']);
  });
});

describe('further targets', () => {
  const grants = () => Object.values(all(stack('prod-infra', withTargets), 'azurerm_role_assignment'));
  const principal = () => ref('azurerm_user_assigned_identity', ordersIdentity(withTargets), 'principal_id');

  test('storage: the blob data role on that account only, for the workload identity', () => {
    const mine = grants().filter((g) => g.principal_id === principal() && g.role_definition_name.startsWith('Storage Blob'));
    expect(mine).toEqual([expect.objectContaining({ scope: ACCOUNT, role_definition_name: 'Storage Blob Data Contributor', principal_type: 'ServicePrincipal' })]);
  });

  test('storage read access is Storage Blob Data Reader', () => {
    const patch = prod({ connections: { storageBlob: { accountId: ACCOUNT } } });
    const infra = stack('prod-infra', patch);
    const p = ref('azurerm_user_assigned_identity', byPath(infra, 'azurerm_user_assigned_identity', 'aks/workload-orders/identity').name, 'principal_id');
    const roles = Object.values(all(infra, 'azurerm_role_assignment')).filter((g) => g.principal_id === p).map((g) => g.role_definition_name);
    expect(roles).toContain('Storage Blob Data Reader');
    expect(roles).not.toContain('Storage Blob Data Contributor');
  });

  test('registry: AcrPull on the platform registry for the workload identity', () => {
    const infra = stack('prod-infra', withTargets);
    const registry = byPath(infra, 'azurerm_container_registry', 'acr/registry').name;
    expect(grants().filter((g) => g.principal_id === principal() && g.role_definition_name === 'AcrPull')).toEqual([
      expect.objectContaining({ scope: ref('azurerm_container_registry', registry, 'id') }),
    ]);
  });

  test('a node-identity workload cannot take further targets', () => {
    const text = configText({ environments: { prod: { workloads: { 'legacy-batch': { connections: { registry: 'pull' } } } } } });
    expect(() => config(text)).toThrow(/workloads\.legacy-batch\.connections: further targets need the workload's own identity; addonIdentity mode shares a node identity/);
  });

  test('a storage target must be a storage account ID', () => {
    const text = configText(prod({ connections: { storageBlob: { accountId: '/subscriptions/x/resourceGroups/y/providers/Microsoft.KeyVault/vaults/z' } } }));
    expect(() => config(text)).toThrow(/connections\.storageBlob\.accountId: invalid format .*allowed a storage account resource ID/);
  });
});
