/** The TypeScript API without platform.yaml: cluster.addWorkloadIdentity, vault.grantRead, registry.grantPull. */
import { TerraformStack, Testing } from 'cdktf';
import { AksCluster } from '../../lib/constructs/aks-cluster';
import { ContainerRegistry } from '../../lib/constructs/acr';
import { KeyVault } from '../../lib/constructs/key-vault';

function setup(authorization: 'rbac' | 'accessPolicy' = 'rbac') {
  const stack = new TerraformStack(Testing.app(), 'test');
  const cluster = new AksCluster(stack, 'aks', {
    name: 'aks-t', resourceGroupName: 'rg-t', location: 'koreacentral', tenantId: 'tenant',
    systemPool: { name: 'system', vmSize: 'Standard_D2s_v3', count: 3 },
  });
  const vault = new KeyVault(stack, 'kv', { name: 'kv-t', resourceGroupName: 'rg-t', location: 'koreacentral', tenantId: 'tenant', authorization });
  const identity = cluster.addWorkloadIdentity('app', { name: 'id-app', namespace: 'app', serviceAccountName: 'app-sa' });
  return { stack, cluster, vault, identity };
}
const synth = (stack: TerraformStack) => JSON.parse(Testing.synth(stack)) as { resource: Record<string, Record<string, any>> };
const one = (json: ReturnType<typeof synth>, type: string) => Object.values(json.resource[type]);
const addr = (json: ReturnType<typeof synth>, type: string) => Object.keys(json.resource[type])[0];

describe('cluster.addWorkloadIdentity', () => {
  test('federates with the cluster\'s OIDC issuer (a reference) for system:serviceaccount:<ns>:<sa>', () => {
    const { stack } = setup();
    const json = synth(stack);
    const [fic] = one(json, 'azurerm_federated_identity_credential');
    expect(fic.issuer).toBe(`\${azurerm_kubernetes_cluster.${addr(json, 'azurerm_kubernetes_cluster')}.oidc_issuer_url}`);
    expect(fic.subject).toBe('system:serviceaccount:app:app-sa');
    expect(fic.audience).toEqual(['api://AzureADTokenExchange']);
  });

  test('rejects a ServiceAccount name Kubernetes would refuse, naming the prop', () => {
    const { cluster } = setup();
    expect(() => cluster.addWorkloadIdentity('bad', { name: 'id-bad', namespace: 'app', serviceAccountName: 'App_SA' })).toThrow(/serviceAccountName "App_SA" is not a valid Kubernetes name/);
  });
});

describe('vault.grantRead', () => {
  test('grantRead(identity, [\'secret1\']) assigns Key Vault Secrets User on the vault to the identity and returns it', () => {
    const { stack, vault, identity } = setup();
    const grant = vault.grantRead(identity, ['secret1']);
    expect(grant.roleAssignments).toHaveLength(1);
    const json = synth(stack);
    const uami = Object.entries(json.resource.azurerm_user_assigned_identity).find(([, r]) => r.name === 'id-app')![0];
    expect(one(json, 'azurerm_role_assignment')).toEqual([
      expect.objectContaining({
        scope: `\${azurerm_key_vault.${addr(json, 'azurerm_key_vault')}.id}`,
        principal_id: `\${azurerm_user_assigned_identity.${uami}.principal_id}`,
        role_definition_name: 'Key Vault Secrets User',
        principal_type: 'ServicePrincipal',
      }),
    ]);
  });

  test('scope object: one assignment per object on the object, Certificate User for keys and certificates', () => {
    const { stack, vault, identity } = setup();
    vault.grantRead(identity, [{ name: 'k', type: 'key' }, { name: 'c', type: 'cert' }], { scope: 'object' });
    const json = synth(stack);
    const kv = `\${azurerm_key_vault.${addr(json, 'azurerm_key_vault')}.id}`;
    expect(one(json, 'azurerm_role_assignment').map((r) => [r.scope, r.role_definition_name]).sort()).toEqual([
      [`${kv}/certificates/c`, 'Key Vault Certificate User'],
      [`${kv}/keys/k`, 'Key Vault Certificate User'],
    ]);
  });

  test('access-policy vault: scope object is refused, naming the vault mode', () => {
    const { vault, identity } = setup('accessPolicy');
    expect(() => vault.grantRead(identity, ['s'], { scope: 'object' })).toThrow(/scope "object" needs an RBAC vault.*got authorization "accessPolicy"/);
  });

  test('an existing vault by ID takes grants on its ID', () => {
    const { stack, identity } = setup();
    const id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-other';
    const existing = KeyVault.fromVaultId(stack, 'shared', { vaultId: id, tenantId: 'tenant' });
    existing.grantRead(identity, ['s']);
    expect(existing.name).toBe('kv-other');
    expect(one(synth(stack), 'azurerm_role_assignment')[0].scope).toBe(id);
  });

  test('constructor validation names the prop, the value and what is allowed', () => {
    const { stack } = setup();
    expect(() => new KeyVault(stack, 'x', { name: 'kv--bad', resourceGroupName: 'rg', location: 'l', tenantId: 't' })).toThrow(/name "kv--bad" is not a valid Key Vault name \(allowed: /);
    expect(() => new KeyVault(stack, 'y', { name: 'kv-ok', resourceGroupName: 'rg', location: 'l', tenantId: 't', softDeleteRetentionDays: 3 })).toThrow(/softDeleteRetentionDays 3 is out of range \(allowed: 7-90\)/);
  });
});

describe('registry.grantPull', () => {
  test('AcrPull on the registry for the kubelet identity', () => {
    const { stack, cluster } = setup();
    const acr = new ContainerRegistry(stack, 'acr', { name: 'acrtest', resourceGroupName: 'rg-t', location: 'koreacentral' });
    acr.grantPull({ principalId: cluster.kubeletIdentity.objectId, principalName: 'kubelet' });
    const json = synth(stack);
    expect(one(json, 'azurerm_role_assignment')[0]).toMatchObject({
      scope: `\${azurerm_container_registry.${addr(json, 'azurerm_container_registry')}.id}`,
      principal_id: `\${azurerm_kubernetes_cluster.${addr(json, 'azurerm_kubernetes_cluster')}.kubelet_identity[0].object_id}`,
      role_definition_name: 'AcrPull',
    });
  });

  test('Premium-only settings on another tier are refused', () => {
    const { stack } = setup();
    expect(() => new ContainerRegistry(stack, 'a', { name: 'acrtest', resourceGroupName: 'rg', location: 'l', sku: 'Standard', zoneRedundancy: true })).toThrow(/zoneRedundancy needs sku Premium \(got sku "Standard"\)/);
  });
});
