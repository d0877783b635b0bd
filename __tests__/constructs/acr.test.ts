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
