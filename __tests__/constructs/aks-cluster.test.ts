import { App, TerraformStack, Testing } from 'cdktf';
import { AksCluster, type AksClusterProps } from '../../lib/constructs/aks-cluster';
import { BUILT_IN_ROLES } from '../../lib/constructs/role-assignment';
import { all, only, stack, type StackJson } from '../helpers/synth';

/** The cluster's diagnostic setting (other resources, such as the vault, have their own). */
function clusterDiagnostics(st: StackJson): Record<string, any> {
  const found = Object.values(all(st, 'azurerm_monitor_diagnostic_setting')).filter((d) => String(d.target_resource_id).startsWith('${azurerm_kubernetes_cluster.'));
  if (found.length !== 1) throw new Error(`expected one cluster diagnostic setting, found ${found.length}`);
  return found[0];
}

const cluster = (s: StackJson) => only(s, 'azurerm_kubernetes_cluster');
const prod = () => stack('prod-infra');
const dev = () => stack('dev-infra');
const prodWith = (cluster: Record<string, unknown>, rest: Record<string, unknown> = {}) =>
  stack('prod-infra', { environments: { prod: { cluster, ...rest } } });
const devWith = (cluster: Record<string, unknown>, rest: Record<string, unknown> = {}) =>
  stack('dev-infra', { environments: { dev: { cluster, ...rest } } });
/** The control-plane identity's role assignments of one built-in role (granted by name). */
const assignments = (s: StackJson, role: string) =>
  Object.entries(all(s, 'azurerm_role_assignment')).filter(
    ([, r]) => r.role_definition_name === role && /^\$\{azurerm_user_assigned_identity\.aks_identity_\w+\.principal_id\}$/.test(String(r.principal_id)),
  );
const PRIVATE = { apiServer: { access: 'private', authorizedIpRanges: [] } };

describe('identity', () => {
  test.each([['dev', dev], ['prod', prod]])('%s: the control plane runs as a user-assigned identity', (_, s) => {
    const c = cluster(s());
    expect(c.identity).toEqual({ type: 'UserAssigned', identity_ids: [expect.stringMatching(/^\$\{azurerm_user_assigned_identity\.aks_identity_\w+\.id\}$/)] });
    expect(Object.values(all(s(), 'azurerm_user_assigned_identity')).map((i) => i.name)).toContain(`id-${c.name}`);
  });

  test.each([['dev', dev], ['prod', prod]])('%s: the kubelet identity is AKS-managed by default', (_, s) => {
    expect(cluster(s()).kubelet_identity).toBeUndefined();
    expect(assignments(s(), BUILT_IN_ROLES.managedIdentityOperator)).toHaveLength(0);
  });

  test('kubelet: create makes an identity, grants Managed Identity Operator on it, and the cluster waits for the grant', () => {
    const s = prodWith({ identity: { kubelet: 'create' } });
    const c = cluster(s);
    const kubelet = all(s, 'azurerm_user_assigned_identity');
    const [key, id] = Object.entries(kubelet).find(([, i]) => i.name === 'id-aks-demo-prod-kubelet')!;
    expect(id.tags).toMatchObject({ environment: 'prod' });
    expect(c.kubelet_identity).toEqual({
      user_assigned_identity_id: `\${azurerm_user_assigned_identity.${key}.id}`,
      client_id: `\${azurerm_user_assigned_identity.${key}.client_id}`,
      object_id: `\${azurerm_user_assigned_identity.${key}.principal_id}`,
    });
    const [grantKey, grant] = assignments(s, BUILT_IN_ROLES.managedIdentityOperator)[0];
    expect(grant.scope).toBe(`\${azurerm_user_assigned_identity.${key}.id}`);
    expect(grant.principal_id).toMatch(/^\$\{azurerm_user_assigned_identity\.aks_identity_\w+\.principal_id\}$/);
    expect(c.depends_on).toContain(`azurerm_role_assignment.${grantKey}`);
  });

  test('kubelet: existing looks the identity up by name and resource group and passes its ID', () => {
    const idValue = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-ids/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-kubelet';
    const s = prodWith({ identity: { kubelet: 'existing', existingKubeletIdentityId: idValue } });
    const data = Object.values(s.data!.azurerm_user_assigned_identity)[0];
    expect(data).toMatchObject({ name: 'id-kubelet', resource_group_name: 'rg-ids' });
    expect(cluster(s).kubelet_identity).toMatchObject({ user_assigned_identity_id: idValue, client_id: expect.stringContaining('data.azurerm_user_assigned_identity') });
    expect(assignments(s, BUILT_IN_ROLES.managedIdentityOperator)[0][1].scope).toBe(idValue);
  });
});

describe('Entra ID, RBAC and workload identity', () => {
  test.each([['dev', dev], ['prod', prod]])('%s: Entra ID with Azure RBAC, local accounts disabled', (_, s) => {
    const c = cluster(s());
    expect(c.azure_active_directory_role_based_access_control).toEqual({ azure_rbac_enabled: true, tenant_id: '00000000-0000-0000-0000-000000000000', admin_group_object_ids: ['00000000-0000-0000-0000-000000000000'] });
    expect(c.local_account_disabled).toBe(true);
    expect(c.role_based_access_control_enabled).toBe(true);
  });

  test('admin group IDs come from config', () => {
    const group = '3f2b9c1e-0000-4000-8000-1234567890ab';
    expect(cluster(prodWith({ adminGroupObjectIds: [group] })).azure_active_directory_role_based_access_control.admin_group_object_ids).toEqual([group]);
  });

  test.each([['dev', dev], ['prod', prod]])('%s: OIDC issuer and workload identity are on', (_, s) => {
    expect(cluster(s())).toMatchObject({ oidc_issuer_enabled: true, workload_identity_enabled: true });
  });

  test.each([['dev', dev], ['prod', prod]])('%s: the Key Vault secrets provider rotates every 2m', (_, s) => {
    expect(cluster(s()).key_vault_secrets_provider).toEqual({ secret_rotation_enabled: true, secret_rotation_interval: '2m' });
  });

  test('the rotation interval comes from config', () => {
    expect(cluster(prodWith({ secretRotationInterval: '5m' })).key_vault_secrets_provider.secret_rotation_interval).toBe('5m');
  });
});

describe('networking', () => {
  test.each([['dev', dev], ['prod', prod]])('%s: Azure CNI Overlay with the azure policy and a standard load balancer', (_, s) => {
    expect(cluster(s()).network_profile).toEqual({
      network_plugin: 'azure',
      network_plugin_mode: 'overlay',
      network_policy: 'azure',
      load_balancer_sku: 'standard',
      outbound_type: 'loadBalancer',
      pod_cidr: '192.168.0.0/16',
      service_cidr: '10.0.0.0/16',
      dns_service_ip: '10.0.0.10',
    });
  });

  test('calico is the policy engine without a data plane change', () => {
    const n = cluster(prodWith({}, { network: { policy: 'calico' } })).network_profile;
    expect(n.network_policy).toBe('calico');
    expect(n.network_data_plane).toBeUndefined();
  });

  test('cilium selects the cilium data plane', () => {
    expect(cluster(prodWith({}, { network: { policy: 'cilium' } })).network_profile).toMatchObject({ network_policy: 'cilium', network_data_plane: 'cilium' });
  });

  test('outbound type, pod and service ranges come from config', () => {
    const n = cluster(prodWith({}, { network: { outboundType: 'managedNATGateway', podCidr: '172.16.0.0/16', serviceCidr: '10.100.0.0/16', dnsServiceIp: '10.100.0.10' } })).network_profile;
    expect(n).toMatchObject({ outbound_type: 'managedNATGateway', pod_cidr: '172.16.0.0/16', service_cidr: '10.100.0.0/16', dns_service_ip: '10.100.0.10' });
  });

  test('the control plane gets Network Contributor on the node subnet before the cluster is created', () => {
    const s = prod();
    const [key, grant] = assignments(s, BUILT_IN_ROLES.networkContributor)[0];
    expect(grant.scope).toMatch(/^\$\{azurerm_subnet\.network_subnet-snet-nodes_\w+\.id\}$/);
    expect(cluster(s).depends_on).toContain(`azurerm_role_assignment.${key}`);
  });
});

describe('API server exposure', () => {
  test('prod: a public endpoint limited to the configured ranges', () => {
    const c = cluster(prod());
    expect(c.private_cluster_enabled).toBe(false);
    expect(c.api_server_access_profile).toEqual({ authorized_ip_ranges: ['203.0.113.0/24', '198.51.100.0/24'] });
  });

  test('dev: a public endpoint with no ranges, chosen explicitly by the development preset', () => {
    const c = cluster(dev());
    expect(c.private_cluster_enabled).toBe(false);
    expect(c.api_server_access_profile).toBeUndefined();
  });

  test('access private makes a private cluster with the system DNS zone and no public FQDN', () => {
    const c = cluster(prodWith(PRIVATE));
    expect(c).toMatchObject({ private_cluster_enabled: true, private_dns_zone_id: 'System', private_cluster_public_fqdn_enabled: false });
    expect(c.api_server_access_profile).toBeUndefined();
  });

  test('a private DNS zone of your own is used, and the control plane may write to it', () => {
    const zone = '/subscriptions/1/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.koreacentral.azmk8s.io';
    const s = prodWith({ apiServer: { ...PRIVATE.apiServer, privateDnsZone: zone, publicFqdn: true } });
    expect(cluster(s)).toMatchObject({ private_dns_zone_id: zone, private_cluster_public_fqdn_enabled: true });
    const [key, grant] = assignments(s, BUILT_IN_ROLES.privateDnsZoneContributor)[0];
    expect(grant.scope).toBe(zone);
    expect(cluster(s).depends_on).toContain(`azurerm_role_assignment.${key}`);
  });

  test('privateDnsZone none is passed as None', () => {
    expect(cluster(prodWith({ apiServer: { ...PRIVATE.apiServer, privateDnsZone: 'none', publicFqdn: true } })).private_dns_zone_id).toBe('None');
  });
});

describe('availability', () => {
  test.each([['dev', dev, 'Free'], ['prod', prod, 'Standard']])('%s: sku tier %s', (_, s, tier) => {
    expect(cluster(s()).sku_tier).toBe(tier);
  });

  test('the sku tier comes from config', () => {
    expect(cluster(prodWith({ skuTier: 'Premium' })).sku_tier).toBe('Premium');
  });

  test.each([['dev', dev, 1], ['prod', prod, 3]])('%s: the system pool spans zones 1-3 with %i node(s), critical add-ons only', (_, s, count) => {
    expect(cluster(s()).default_node_pool).toMatchObject({
      name: 'system',
      type: 'VirtualMachineScaleSets',
      vm_size: 'Standard_D2s_v3',
      node_count: count,
      auto_scaling_enabled: false,
      zones: ['1', '2', '3'],
      only_critical_addons_enabled: true,
      upgrade_settings: { max_surge: '33%' },
    });
  });

  test('the system pool can be autoscaled like the seed\'s az aks create example', () => {
    const s = prodWith({}, { nodePools: { system: { kind: 'system', vmSize: 'Standard_D4s_v3', autoscaling: true, count: 3, minCount: 3, maxCount: 10, maxSurge: '50%' } } });
    expect(cluster(s).default_node_pool).toMatchObject({ vm_size: 'Standard_D4s_v3', auto_scaling_enabled: true, min_count: 3, max_count: 10, node_count: 3, upgrade_settings: { max_surge: '50%' } });
  });

  test.each([['dev', dev], ['prod', prod]])('%s: the autoscaler profile has the seed\'s cost settings', (_, s) => {
    expect(cluster(s()).auto_scaler_profile).toEqual({
      scale_down_delay_after_add: '10m',
      scale_down_unneeded: '10m',
      scale_down_utilization_threshold: '0.5',
      max_graceful_termination_sec: '600',
      expander: 'random',
      balance_similar_node_groups: false,
      skip_nodes_with_system_pods: true,
    });
  });

  test('the autoscaler profile comes from config', () => {
    const p = cluster(prodWith({ autoscalerProfile: { scaleDownUnneeded: '20m', scaleDownUtilizationThreshold: 0.65, expander: 'least-waste', balanceSimilarNodeGroups: true } })).auto_scaler_profile;
    expect(p).toMatchObject({ scale_down_unneeded: '20m', scale_down_utilization_threshold: '0.65', expander: 'least-waste', balance_similar_node_groups: true });
  });

  test('a Kubernetes version is set on the control plane and the pools', () => {
    const s = prodWith({ kubernetesVersion: '1.32.9' });
    expect(cluster(s).kubernetes_version).toBe('1.32.9');
    expect(cluster(s).default_node_pool.orchestrator_version).toBe('1.32.9');
    expect(Object.values(all(s, 'azurerm_kubernetes_cluster_node_pool')).every((p) => p.orchestrator_version === '1.32.9')).toBe(true);
  });
});

describe('upgrades and maintenance', () => {
  test.each([['dev', dev], ['prod', prod]])('%s: stable channel, NodeImage OS channel', (_, s) => {
    expect(cluster(s())).toMatchObject({ automatic_upgrade_channel: 'stable', node_os_upgrade_channel: 'NodeImage' });
  });

  test('channels come from config; none leaves the attribute unset', () => {
    expect(cluster(prodWith({ upgrades: { channel: 'patch', nodeOsChannel: 'SecurityPatch' } }))).toMatchObject({ automatic_upgrade_channel: 'patch', node_os_upgrade_channel: 'SecurityPatch' });
    expect(cluster(prodWith({ upgrades: { channel: 'none', autoUpgradeWindow: { enabled: false } } })).automatic_upgrade_channel).toBeUndefined();
  });

  test.each([['dev', dev], ['prod', prod]])('%s: the default window is the seed\'s Saturday 02:00', (_, s) => {
    expect(cluster(s()).maintenance_window).toEqual({ allowed: [{ day: 'Saturday', hours: [2] }] });
  });

  test.each([['dev', dev], ['prod', prod]])('%s: upgrade windows for Kubernetes (Saturday) and node OS (Sunday)', (_, s) => {
    const c = cluster(s());
    expect(c.maintenance_window_auto_upgrade).toEqual({ frequency: 'Weekly', interval: 1, day_of_week: 'Saturday', start_time: '02:00', duration: 4, utc_offset: '+00:00' });
    expect(c.maintenance_window_node_os).toEqual({ frequency: 'Weekly', interval: 1, day_of_week: 'Sunday', start_time: '02:00', duration: 4, utc_offset: '+00:00' });
  });

  test('windows take weekday, start hour, duration, UTC offset and blackout periods from config', () => {
    const blackout = { start: '2026-12-24T00:00:00Z', end: '2026-12-27T00:00:00Z' };
    const c = cluster(prodWith({
      upgrades: {
        defaultWindow: { weekday: 'Sunday', startHour: 1, durationHours: 3, notAllowed: [blackout] },
        autoUpgradeWindow: { weekday: 'Wednesday', startHour: 22, durationHours: 6, utcOffset: '+09:00', notAllowed: [blackout] },
        nodeOsWindow: { frequency: 'RelativeMonthly', weekIndex: 'First', weekday: 'Monday', startHour: 3, startDate: '2026-01-05' },
      },
    }));
    expect(c.maintenance_window).toEqual({ allowed: [{ day: 'Sunday', hours: [1, 2, 3] }], not_allowed: [blackout] });
    expect(c.maintenance_window_auto_upgrade).toEqual({ frequency: 'Weekly', interval: 1, day_of_week: 'Wednesday', start_time: '22:00', duration: 6, utc_offset: '+09:00', not_allowed: [blackout] });
    expect(c.maintenance_window_node_os).toEqual({ frequency: 'RelativeMonthly', interval: 1, day_of_week: 'Monday', week_index: 'First', start_time: '03:00', duration: 4, utc_offset: '+00:00', start_date: '2026-01-05T00:00:00Z' });
  });

  test('an AbsoluteMonthly window names the day of the month, not the weekday', () => {
    const w = cluster(prodWith({ upgrades: { autoUpgradeWindow: { frequency: 'AbsoluteMonthly', dayOfMonth: 15 } } })).maintenance_window_auto_upgrade;
    expect(w).toMatchObject({ frequency: 'AbsoluteMonthly', day_of_month: 15 });
    expect(w.day_of_week).toBeUndefined();
  });

  test('a disabled window is not emitted', () => {
    const c = cluster(prodWith({ upgrades: { defaultWindow: { enabled: false }, nodeOsWindow: { enabled: false } } }));
    expect(c.maintenance_window).toBeUndefined();
    expect(c.maintenance_window_node_os).toBeUndefined();
    expect(c.maintenance_window_auto_upgrade).toBeDefined();
  });
});

describe('Terraform safety', () => {
  test.each([['dev', dev], ['prod', prod]])('%s: with an upgrade channel, version drift is ignored', (_, s) => {
    expect(cluster(s()).lifecycle.ignore_changes).toEqual(expect.arrayContaining(['kubernetes_version', 'default_node_pool[0].orchestrator_version']));
  });

  test('without an upgrade channel, versions are managed by Terraform', () => {
    const c = cluster(prodWith({ upgrades: { channel: 'none', autoUpgradeWindow: { enabled: false } } }));
    expect(c.lifecycle?.ignore_changes ?? []).not.toContain('kubernetes_version');
  });

  test.each([['dev', dev], ['prod', prod]])('%s: a fixed-size system pool keeps its node count under Terraform', (_, s) => {
    expect(cluster(s()).lifecycle.ignore_changes).not.toContain('default_node_pool[0].node_count');
  });

  test('an autoscaled system pool leaves its node count to the autoscaler', () => {
    const s = prodWith({}, { nodePools: { system: { kind: 'system', autoscaling: true, minCount: 3, maxCount: 6 } } });
    expect(cluster(s).lifecycle.ignore_changes).toContain('default_node_pool[0].node_count');
  });

  test.each([['dev', dev], ['prod', prod]])('%s: the default pool rotates through a temporary pool', (_, s) => {
    expect(cluster(s()).default_node_pool.temporary_name_for_rotation).toBe('systemtmp');
  });
});

describe('observability and governance', () => {
  test.each([['dev', dev, 30], ['prod', prod, 90]])('%s: a Log Analytics workspace keeps logs %i days', (_, s, days) => {
    expect(only(s(), 'azurerm_log_analytics_workspace')).toMatchObject({ sku: 'PerGB2018', retention_in_days: days, local_authentication_enabled: false });
  });

  test.each([['dev', dev], ['prod', prod]])('%s: Container Insights with managed-identity auth and its data collection rule', (_, s) => {
    const c = cluster(s());
    expect(c.oms_agent).toEqual({ log_analytics_workspace_id: expect.stringMatching(/azurerm_log_analytics_workspace\.log-analytics_workspace_\w+\.id/), msi_auth_for_monitoring_enabled: true });
    const rules = Object.values(all(s(), 'azurerm_monitor_data_collection_rule'));
    expect(rules.some((r) => r.data_sources?.extension?.[0]?.extension_name === 'ContainerInsights')).toBe(true);
    const assoc = Object.values(all(s(), 'azurerm_monitor_data_collection_rule_association'));
    expect(assoc.find((a) => a.name === 'ContainerInsightsExtension')!.target_resource_id).toMatch(/azurerm_kubernetes_cluster\.aks_cluster_\w+\.id/);
  });

  test('an existing workspace is used instead of creating one', () => {
    const ws = '/subscriptions/1/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/law-central';
    const s = prodWith({ monitoring: { existingWorkspaceId: ws } });
    expect(all(s, 'azurerm_log_analytics_workspace')).toEqual({});
    expect(cluster(s).oms_agent.log_analytics_workspace_id).toBe(ws);
    expect(clusterDiagnostics(s).log_analytics_workspace_id).toBe(ws);
  });

  test('Container Insights can be turned off', () => {
    const s = prodWith({ monitoring: { containerInsights: false } });
    expect(cluster(s).oms_agent).toBeUndefined();
    expect(Object.values(all(s, 'azurerm_monitor_data_collection_rule_association')).map((a) => a.name)).not.toContain('ContainerInsightsExtension');
  });

  test.each([['dev', dev, false], ['prod', prod, true]])('%s: Microsoft Defender on: %s', (_, s, on) => {
    expect(cluster(s()).microsoft_defender !== undefined).toBe(on);
  });

  test('Defender reports to the workspace and can be turned on in dev', () => {
    expect(cluster(devWith({ monitoring: { defender: true } })).microsoft_defender).toEqual({ log_analytics_workspace_id: expect.stringMatching(/log-analytics_workspace/) });
  });

  test.each([['dev', dev], ['prod', prod]])('%s: the Azure Policy add-on is on', (_, s) => {
    expect(cluster(s()).azure_policy_enabled).toBe(true);
  });

  test('the Azure Policy add-on can be turned off', () => {
    expect(cluster(prodWith({ monitoring: { azurePolicy: false } })).azure_policy_enabled).toBe(false);
  });

  test('prod: managed Prometheus has the metrics profile, a workspace, endpoint, rule and association', () => {
    const s = prod();
    expect(cluster(s).monitor_metrics).toEqual({});
    const amw = only(s, 'azurerm_monitor_workspace');
    expect(amw.name).toBe('amw-aks-demo-prod');
    const dce = only(s, 'azurerm_monitor_data_collection_endpoint');
    expect(dce.kind).toBe('Linux');
    const rule = Object.values(all(s, 'azurerm_monitor_data_collection_rule')).find((r) => r.data_sources?.prometheus_forwarder)!;
    expect(rule.data_sources.prometheus_forwarder).toEqual([{ name: 'PrometheusDataSource', streams: ['Microsoft-PrometheusMetrics'] }]);
    expect(rule.destinations.monitor_account[0].monitor_account_id).toMatch(/azurerm_monitor_workspace\.prometheus_workspace_\w+\.id/);
    expect(rule.data_collection_endpoint_id).toMatch(/azurerm_monitor_data_collection_endpoint\./);
    const assoc = Object.values(all(s, 'azurerm_monitor_data_collection_rule_association')).find((a) => a.name.startsWith('MSProm-'))!;
    expect(assoc.target_resource_id).toMatch(/azurerm_kubernetes_cluster\.aks_cluster_\w+\.id/);
  });

  test('dev: no managed Prometheus (development preset)', () => {
    expect(cluster(dev()).monitor_metrics).toBeUndefined();
    expect(all(dev(), 'azurerm_monitor_workspace')).toEqual({});
  });

  test('an existing Azure Monitor workspace receives the metrics', () => {
    const amw = '/subscriptions/1/resourceGroups/rg-mon/providers/Microsoft.Monitor/accounts/amw-central';
    const s = prodWith({ monitoring: { existingMonitorWorkspaceId: amw } });
    expect(all(s, 'azurerm_monitor_workspace')).toEqual({});
    const rule = Object.values(all(s, 'azurerm_monitor_data_collection_rule')).find((r) => r.data_sources?.prometheus_forwarder)!;
    expect(rule.destinations.monitor_account[0].monitor_account_id).toBe(amw);
  });

  test.each([['dev', dev], ['prod', prod]])('%s: control-plane logs and AllMetrics go to the workspace', (_, s) => {
    const d = clusterDiagnostics(s());
    expect(d.target_resource_id).toMatch(/azurerm_kubernetes_cluster\.aks_cluster_\w+\.id/);
    expect(d.enabled_log.map((l: { category: string }) => l.category)).toEqual(['kube-apiserver', 'kube-audit', 'kube-controller-manager', 'kube-scheduler', 'cluster-autoscaler']);
    expect(d.enabled_metric).toEqual([{ category: 'AllMetrics' }]);
  });

  test('the log categories come from config', () => {
    const d = clusterDiagnostics(prodWith({ monitoring: { diagnosticLogs: ['kube-audit-admin', 'guard'], diagnosticMetrics: false } }));
    expect(d.enabled_log).toEqual([{ category: 'kube-audit-admin' }, { category: 'guard' }]);
    expect(d.enabled_metric).toBeUndefined();
  });
});

describe('Windows nodes', () => {
  const win = (ahub: boolean) => prodWith({ windows: { azureHybridBenefit: ahub } }, { nodePools: { win: { kind: 'windows' } } });

  test('a Windows pool adds the windows profile with the password from a sensitive variable', () => {
    const s = win(false);
    expect(cluster(s).windows_profile).toEqual({ admin_username: 'azureuser', admin_password: '${var.windows_admin_password}' });
    expect((s.variable as Record<string, { sensitive: boolean }>).windows_admin_password.sensitive).toBe(true);
  });

  test('the password variable validates what AKS requires: 14-123 characters and 3 of 4 character classes', () => {
    const v = (win(false).variable as Record<string, { validation: { condition: string; error_message: string }[] }>).windows_admin_password;
    expect(v.validation).toHaveLength(2);
    expect(v.validation[0].condition).toBe('${length(var.windows_admin_password) >= 14 && length(var.windows_admin_password) <= 123}');
    for (const cls of ['[a-z]', '[A-Z]', '[0-9]', '[^a-zA-Z0-9]']) expect(v.validation[1].condition).toContain(`regexall("${cls}", var.windows_admin_password)`);
    expect(v.validation[1].condition).toMatch(/^\$\{\(length\(.*>= 3\}$/);
    // Balanced parentheses: the expression parses.
    const depth = [...v.validation[1].condition].reduce((d, c) => (d < 0 ? d : d + (c === '(' ? 1 : c === ')' ? -1 : 0)), 0);
    expect(depth).toBe(0);
  });

  test('Azure Hybrid Benefit (--enable-ahub) sets the Windows_Server license', () => {
    expect(cluster(win(true)).windows_profile.license).toBe('Windows_Server');
  });

  test('without a Windows pool there is no windows profile and no password variable', () => {
    expect(cluster(prod()).windows_profile).toBeUndefined();
    expect(prod().variable).toBeUndefined();
  });
});

describe('AksCluster used from TypeScript', () => {
  const base: AksClusterProps = {
    name: 'aks-x',
    resourceGroupName: 'rg-x',
    location: 'koreacentral',
    tenantId: '00000000-0000-0000-0000-000000000000',
    systemPool: { name: 'system', vmSize: 'Standard_D2s_v3', count: 3 },
  };
  const make = (props: Partial<AksClusterProps> = {}) => {
    const stackScope = new TerraformStack(Testing.app() as App, 'test');
    return { cluster: new AksCluster(stackScope, 'aks', { ...base, ...props }), stackScope };
  };

  test('defaults to a private cluster', () => {
    const { stackScope } = make();
    const json = JSON.parse(Testing.synth(stackScope));
    expect(Object.values(json.resource.azurerm_kubernetes_cluster as Record<string, Record<string, unknown>>)[0]).toMatchObject({ private_cluster_enabled: true, private_dns_zone_id: 'System' });
  });

  test('refuses authorizedRanges without ranges, naming the prop', () => {
    expect(() => make({ apiServer: { access: 'authorizedRanges' } })).toThrow(/apiServer\.authorizedIpRanges \[\]; allowed: at least one CIDR/);
  });

  test('refuses an invalid system pool name', () => {
    expect(() => make({ systemPool: { ...base.systemPool, name: 'System-Pool' } })).toThrow(/systemPool\.name "System-Pool"/);
  });

  test('addNodePool returns the pool and refuses a name used twice', () => {
    const { cluster } = make();
    const pool = cluster.addNodePool({ name: 'apps', vmSize: 'Standard_D4s_v3', count: 1, minCount: 1, maxCount: 3 });
    expect(pool.name).toBe('apps');
    expect(cluster.nodePools).toEqual([pool]);
    expect(() => cluster.addNodePool({ name: 'apps', vmSize: 'Standard_D4s_v3', count: 1 })).toThrow(/already used/);
    expect(() => cluster.addNodePool({ name: 'system', vmSize: 'Standard_D4s_v3', count: 1 })).toThrow(/already used/);
  });
});
