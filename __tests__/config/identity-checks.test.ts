import { problemsWith } from '../helpers/synth';

const prod = (env: Record<string, unknown>) => ({ environments: { prod: env } });
const REG = '/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/acrshared';

describe('Key Vault, ACR and workload configuration errors', () => {
  test('per-object scope on an access-policy vault: it cannot serve object-scoped reads', () => {
    expect(problemsWith(prod({ keyVault: { authorization: 'accessPolicy' } }))).toEqual([
      expect.stringMatching(/^platform\.yaml:\d+:\d+: environments\.prod\.workloads\.orders\.scope: per-object grants need an RBAC vault; access policies apply to the whole vault \(got "object \(keyVault\.authorization accessPolicy\)"; allowed scope vault, or keyVault\.authorization rbac\)/),
    ]);
  });

  test('an unknown object type names what is allowed', () => {
    const p = problemsWith(prod({ workloads: { orders: { objects: [{ name: 'x', type: 'certificate' }] } } }));
    expect(p).toEqual([expect.stringMatching(/workloads\.orders\.objects\.0\.type: .*certificate.*secret.*key.*cert/)]);
  });

  test('a TLS Secret synced from a key object: only objectType secret returns the private key', () => {
    const p = problemsWith(prod({ workloads: { orders: { secretObjects: [{ secretName: 'tls', type: 'kubernetes.io/tls', data: [{ objectName: 'signing-key.pem', key: 'tls.key' }] }] } } }));
    expect(p).toEqual([expect.stringMatching(/workloads\.orders\.secretObjects\.0\.data\.0\.objectName: a kubernetes\.io\/tls Secret needs the private key/)]);
  });

  test('a synced Secret from an object the workload does not mount', () => {
    const p = problemsWith(prod({ workloads: { orders: { secretObjects: [{ secretName: 'x', data: [{ objectName: 'nope', key: 'k' }] }] } } }));
    expect(p).toEqual([expect.stringMatching(/secretObjects\.0\.data\.0\.objectName: is not one of the workload's objects \(got "nope"; allowed db-dsn, signing-key\.pem\)/)]);
  });

  test('two objects mounting as the same file', () => {
    const p = problemsWith(prod({ workloads: { orders: { objects: [{ name: 'a' }, { name: 'b', alias: 'a' }], secretObjects: [] } } }));
    expect(p).toEqual([expect.stringMatching(/workloads\.orders\.objects\.1: mounts as "a" like an earlier object/)]);
  });

  test('two workloads claiming one ServiceAccount', () => {
    const p = problemsWith(prod({ workloads: { copy: { namespace: 'orders', serviceAccountName: 'orders-api', objects: [{ name: 'a' }] } } }));
    expect(p).toEqual([expect.stringMatching(/workloads\.copy\.serviceAccountName: ServiceAccount orders\/orders-api is already workload orders's/)]);
  });

  test('a ServiceAccount name in addonIdentity mode has no effect', () => {
    const p = problemsWith(prod({ workloads: { 'legacy-batch': { serviceAccountName: 'batch' } } }));
    expect(p).toEqual([expect.stringMatching(/workloads\.legacy-batch\.serviceAccountName: has no effect in addonIdentity mode/)]);
  });

  test('a created vault with neither a public endpoint nor a private endpoint cannot serve the workloads', () => {
    const p = problemsWith(prod({ keyVault: { publicNetworkAccess: false } }));
    expect(p).toEqual([expect.stringMatching(/keyVault\.publicNetworkAccess: with no public endpoint and no keyVault\.privateEndpoint, nothing can reach the vault, yet workloads read it \(orders, legacy-batch\)/)]);
  });

  test('Premium-only registry settings on a Standard registry', () => {
    const p = problemsWith(prod({ acr: { sku: 'Standard', zoneRedundancy: true, retentionDays: 7 } }));
    expect(p).toEqual([
      expect.stringMatching(/acr\.zoneRedundancy: needs acr\.sku Premium/),
      expect.stringMatching(/acr\.retentionDays: needs acr\.sku Premium/),
    ]);
  });

  test('creation settings next to an existing registry ID', () => {
    const p = problemsWith(prod({ acr: { existingId: REG, name: 'acrother' } }));
    expect(p).toEqual([expect.stringMatching(/acr\.name: has no effect with acr\.existingId/)]);
  });

  test('an existing registry ID that is not a registry', () => {
    const p = problemsWith(prod({ acr: { existingId: REG.replace('Microsoft.ContainerRegistry/registries', 'Microsoft.Storage/storageAccounts') } }));
    expect(p).toEqual([expect.stringMatching(/acr\.existingId: is not a container registry resource ID/)]);
  });

  test('a workload without objects', () => {
    const p = problemsWith(prod({ workloads: { orders: { objects: [], secretObjects: [] } } }));
    expect(p).toEqual([expect.stringMatching(/workloads\.orders\.objects: /)]);
  });
});
