import { all, problemsWith, stack } from '../helpers/synth';
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
    expect(byPath(stack('prod-infra', prod({ publicNetworkAccess: false, privateEndpoint: {} })), 'azurerm_container_registry', 'acr/registry').body.public_network_access_enabled).toBe(false);
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

describe('ACR in full', () => {
  const full = {
    publicNetworkAccess: false,
    privateEndpoint: {},
    geoReplications: [{ location: 'japaneast' }, { location: 'koreasouth', zoneRedundancy: false, regionalEndpoint: true, tags: { tier: 'dr' } }],
    dataEndpoint: true,
    exportPolicy: false,
    quarantine: true,
    networkRules: { defaultAction: 'Deny', ipRules: ['203.0.113.0/24'] },
  };
  const reg = () => byPath(stack('prod-infra', prod(full)), 'azurerm_container_registry', 'acr/registry').body;

  test('geo-replicas, each with its own zone redundancy and regional endpoint, tagged like the registry', () => {
    const [a, b] = reg().georeplications;
    expect(a).toMatchObject({ location: 'japaneast', zone_redundancy_enabled: true, regional_endpoint_enabled: false });
    expect(b).toMatchObject({ location: 'koreasouth', zone_redundancy_enabled: false, regional_endpoint_enabled: true, tags: expect.objectContaining({ tier: 'dr', environment: 'prod' }) });
  });

  test('a private geo-replicated registry: one registry endpoint whose DNS zone group also carries the replicas\' data endpoints', () => {
    // Azure allocates an address per replica data endpoint (<name>.<region>.data.azurecr.io) on the registry's private
    // endpoint and registers them through its DNS zone group: one endpoint with a zone group serves every replica.
    const pe = Object.values(all(stack('prod-infra', prod(full)), 'azurerm_private_endpoint')).filter((p) => p.private_service_connection?.subresource_names?.includes('registry'));
    expect(pe).toHaveLength(1);
    expect(pe[0].private_dns_zone_group).toBeDefined();
  });

  test('data endpoints, export policy, quarantine and the firewall with trusted-service bypass', () => {
    expect(reg()).toMatchObject({
      data_endpoint_enabled: true,
      export_policy_enabled: false,
      quarantine_policy_enabled: true,
      anonymous_pull_enabled: false,
      network_rule_bypass_option: 'AzureServices',
      network_rule_set: [{ default_action: 'Deny', ip_rule: [{ action: 'Allow', ip_range: '203.0.113.0/24' }] }],
    });
  });

  test('defaults: no replicas, no firewall rule set, exports allowed, anonymous pull off, trusted services bypass', () => {
    const r = byPath(stack('prod-infra'), 'azurerm_container_registry', 'acr/registry').body;
    expect(r).toMatchObject({ anonymous_pull_enabled: false, data_endpoint_enabled: false, export_policy_enabled: true, quarantine_policy_enabled: false, network_rule_bypass_option: 'AzureServices' });
    expect(r).not.toHaveProperty('georeplications');
    expect(r).not.toHaveProperty('network_rule_set');
    // Docker Content Trust: Azure refuses trust_policy_enabled = true on registries since 31 May 2026 (provider PR #32752).
    expect(r).not.toHaveProperty('trust_policy_enabled');
  });

  test('anonymous pull is a setting (a visible weakening, not forced off)', () => {
    expect(byPath(stack('prod-infra', prod({ anonymousPull: true })), 'azurerm_container_registry', 'acr/registry').body.anonymous_pull_enabled).toBe(true);
  });

  test('diagnostics: repository and login events and metrics to the platform workspace', () => {
    const s = stack('prod-infra');
    const registry = byPath(s, 'azurerm_container_registry', 'acr/registry').name;
    const d = byPath(s, 'azurerm_monitor_diagnostic_setting', 'acr-diagnostics/setting').body;
    expect(d).toMatchObject({
      target_resource_id: ref('azurerm_container_registry', registry, 'id'),
      log_analytics_workspace_id: expect.stringContaining('azurerm_log_analytics_workspace.'),
      enabled_log: [{ category: 'ContainerRegistryRepositoryEvents' }, { category: 'ContainerRegistryLoginEvents' }],
      enabled_metric: [{ category: 'AllMetrics' }],
    });
  });

  test('diagnostics can be narrowed or removed', () => {
    const narrowed = byPath(stack('prod-infra', prod({ diagnostics: { categories: ['ContainerRegistryLoginEvents'], metrics: false } })), 'azurerm_monitor_diagnostic_setting', 'acr-diagnostics/setting').body;
    expect(narrowed.enabled_log).toEqual([{ category: 'ContainerRegistryLoginEvents' }]);
    expect(narrowed).not.toHaveProperty('enabled_metric');
    expect(() => byPath(stack('prod-infra', prod({ diagnostics: { enabled: false } })), 'azurerm_monitor_diagnostic_setting', 'acr-diagnostics/setting')).toThrow(/found 0/);
  });

  test('AcrPush for a pipeline identity, on a created or an existing registry', () => {
    const push = { pushPrincipals: [{ name: 'ci', principalId: '11111111-2222-3333-4444-555555555555' }, { name: 'release-team', principalId: '66666666-2222-3333-4444-555555555555', type: 'Group' }] };
    const s = stack('prod-infra', prod(push));
    expect(byPath(s, 'azurerm_role_assignment', 'acr/push-ci').body).toMatchObject({
      scope: ref('azurerm_container_registry', byPath(s, 'azurerm_container_registry', 'acr/registry').name, 'id'),
      principal_id: '11111111-2222-3333-4444-555555555555',
      role_definition_name: 'AcrPush',
      principal_type: 'ServicePrincipal',
    });
    expect(byPath(s, 'azurerm_role_assignment', 'acr/push-release-team').body).toMatchObject({ role_definition_name: 'AcrPush', principal_type: 'Group' });
    expect(byPath(stack('prod-infra', prod({ ...push, existingId: OTHER_SUB_ACR })), 'azurerm_role_assignment', 'acr/push-ci').body.scope).toBe(OTHER_SUB_ACR);
  });
});

describe('ACR settings Azure would refuse', () => {
  test('a geo-replica in the registry\'s own region', () => {
    expect(problemsWith(prod({ geoReplications: [{ location: 'koreacentral' }] }))).toContainEqual(
      expect.stringMatching(/environments\.prod\.acr\.geoReplications\.0\.location: is the registry's own region .*\(got "koreacentral"; allowed a region other than koreacentral\)/),
    );
  });

  test('the same replica region twice', () => {
    expect(problemsWith(prod({ geoReplications: [{ location: 'japaneast' }, { location: 'japaneast' }] }))).toContainEqual(
      expect.stringMatching(/acr\.geoReplications\.1\.location: repeats acr\.geoReplications\.0/),
    );
  });

  test('Premium-only settings on Standard', () => {
    const p = problemsWith(prod({ sku: 'Standard', zoneRedundancy: false, retentionDays: null, geoReplications: [{ location: 'japaneast' }], dataEndpoint: true, quarantine: true }));
    for (const key of ['geoReplications', 'dataEndpoint', 'quarantine']) expect(p).toContainEqual(expect.stringMatching(new RegExp(`acr\\.${key}: needs acr\\.sku Premium`)));
  });

  test('blocking exports with public access on', () => {
    expect(problemsWith(prod({ exportPolicy: false }))).toContainEqual(expect.stringMatching(/acr\.exportPolicy: false needs acr\.publicNetworkAccess false/));
  });

  test('creation settings with an existing registry', () => {
    expect(problemsWith(prod({ existingId: OTHER_SUB_ACR, geoReplications: [{ location: 'japaneast' }] }))).toContainEqual(
      expect.stringMatching(/acr\.geoReplications: has no effect with acr\.existingId/),
    );
  });

  test('two push grants with one name', () => {
    const id = '11111111-2222-3333-4444-555555555555';
    expect(problemsWith(prod({ pushPrincipals: [{ name: 'ci', principalId: id }, { name: 'ci', principalId: id }] }))).toContainEqual(expect.stringMatching(/acr\.pushPrincipals\.1\.name: is used twice/));
  });
});
