import { all, stack } from '../helpers/synth';
import { byPath, ref } from '../helpers/terraform';

const prod = (acr: Record<string, unknown>) => ({ environments: { prod: { acr } } });
const OTHER_SUB_ACR = '/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg-registry/providers/Microsoft.ContainerRegistry/registries/acrshared';

describe('ACR', () => {
  test('prod: Premium, admin user off, zone redundant, 7-day retention, public access on', () => {
    expect(byPath(stack('prod-infra'), 'azurerm_container_registry', 'acr/registry').body).toMatchObject({
      sku: 'Premium', admin_enabled: false, zone_redundancy_enabled: true, retention_policy_in_days: 7, public_network_access_enabled: true,
    });
  });

  test('dev preset: Standard, without the Premium-only settings', () => {
    const r = byPath(stack('dev-infra'), 'azurerm_container_registry', 'acr/registry').body;
    expect(r).toMatchObject({ sku: 'Standard', admin_enabled: false, zone_redundancy_enabled: false });
    expect(r).not.toHaveProperty('retention_policy_in_days');
  });

  test('public access is configurable', () => {
    expect(byPath(stack('prod-infra', prod({ publicNetworkAccess: false })), 'azurerm_container_registry', 'acr/registry').body.public_network_access_enabled).toBe(false);
  });

  test('attach: AcrPull for the kubelet identity, scoped to the registry, principal type ServicePrincipal', () => {
    const s = stack('prod-infra');
    const cluster = byPath(s, 'azurerm_kubernetes_cluster', 'aks/cluster').name;
    const registry = byPath(s, 'azurerm_container_registry', 'acr/registry').name;
    expect(byPath(s, 'azurerm_role_assignment', 'acr/pull-kubelet').body).toMatchObject({
      scope: ref('azurerm_container_registry', registry, 'id'),
      principal_id: ref('azurerm_kubernetes_cluster', cluster, 'kubelet_identity[0].object_id'),
      role_definition_name: 'AcrPull',
      principal_type: 'ServicePrincipal',
    });
  });

  test('detach: attach false removes the AcrPull assignment and nothing else', () => {
    const before = stack('prod-infra');
    const after = stack('prod-infra', prod({ attach: false }));
    const keys = (s: typeof before) => Object.entries(s.resource!).flatMap(([t, rs]) => Object.keys(rs).map((n) => `${t}.${n}`));
    const removed = keys(before).filter((k) => !keys(after).includes(k));
    expect(removed).toEqual([`azurerm_role_assignment.${byPath(before, 'azurerm_role_assignment', 'acr/pull-kubelet').name}`]);
    expect(keys(after).filter((k) => !keys(before).includes(k))).toEqual([]);
    expect(byPath(after, 'azurerm_container_registry', 'acr/registry').body).toEqual(byPath(before, 'azurerm_container_registry', 'acr/registry').body);
  });

  test('an existing registry in another subscription: attach by resource ID, no registry created', () => {
    const s = stack('prod-infra', prod({ existingId: OTHER_SUB_ACR }));
    expect(all(s, 'azurerm_container_registry')).toEqual({});
    expect(byPath(s, 'azurerm_role_assignment', 'acr/pull-kubelet').body).toMatchObject({ scope: OTHER_SUB_ACR, role_definition_name: 'AcrPull' });
  });

  test('the registry\'s Terraform address is pinned', () => {
    expect(Object.keys(all(stack('prod-infra'), 'azurerm_container_registry'))).toEqual(['acr_registry_963AFD18']);
  });
});

describe('ACR attach with a bring-your-own kubelet identity (seed 003)', () => {
  const s = stack('prod-infra', { environments: { prod: { cluster: { identity: { kubelet: 'create' } } } } });
  const pulls = Object.entries(all(s, 'azurerm_role_assignment')).filter(([, g]) => g.role_definition_name === 'AcrPull' && !String(g.principal_id).includes('trivy'));
  const kubeletPull = pulls.find(([, g]) => String(g.principal_id).startsWith('${azurerm_user_assigned_identity.kubelet-identity'));

  test('AcrPull goes to the identity itself, known before the cluster exists', () => {
    expect(kubeletPull).toBeDefined();
    expect(kubeletPull![1].principal_id).toMatch(/^\$\{azurerm_user_assigned_identity\.kubelet-identity[\w-]*\.principal_id\}$/);
    expect(kubeletPull![1].principal_type).toBe('ServicePrincipal');
  });

  test('the cluster waits for that grant', () => {
    const cluster = Object.values(all(s, 'azurerm_kubernetes_cluster'))[0];
    expect(cluster.depends_on).toContain(`azurerm_role_assignment.${kubeletPull![0]}`);
  });

  test('with an AKS-managed kubelet identity there is no such ordering (it would be a cycle)', () => {
    const cluster = Object.values(all(stack('prod-infra'), 'azurerm_kubernetes_cluster'))[0];
    expect(JSON.stringify(cluster.depends_on ?? [])).not.toContain('AcrPull');
    expect((cluster.depends_on ?? []).some((d: string) => d.startsWith('azurerm_role_assignment.acr'))).toBe(false);
  });
});
