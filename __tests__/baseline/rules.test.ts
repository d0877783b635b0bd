/**
 * Every rule has a passing and a failing case. Three kinds of case, marked in `how`:
 * - config: the default platform.yaml, or a patch of it (real synthesized output);
 * - mutated: real synthesized output with one attribute the constructs never let config weaken changed by hand;
 * - FIXTURE: real stacks plus a resource that other work streams add (vault, registry, storage, pools, add-ons,
 *   namespaces). Switch these to config patches once those constructs are merged.
 */
import { RULES } from '../../lib/baseline/rules';
import type { StackJson } from '../../lib/baseline/stack-model';
import { add, check, cluster, clusterRef, real, statuses } from './helpers';
import { MORE_FAILURES, REACHABILITY_CASES } from './reachability-cases';

type Stacks = Record<string, StackJson>;
interface Case {
  how: 'config' | 'mutated' | 'FIXTURE';
  pass: () => Stacks;
  fail: () => Stacks;
  /** Environment of the pass and fail cases. @default prod */
  env?: [string, string];
}

const mutate = (fn: (c: Record<string, any>) => void, stacks = real()) => {
  fn(cluster(stacks));
  return stacks;
};
const LAW = '${azurerm_log_analytics_workspace.law.id}';

// FIXTURE builders for resources other work streams add.
const nsRef = (name: string) => `\${kubernetes_namespace_v1.${name}.metadata[0].name}`;
function namespace(s: Stacks, name: string, enforce = 'restricted') {
  return add(s, 'prod-platform', 'kubernetes_namespace_v1', name, {
    metadata: { name, labels: { 'pod-security.kubernetes.io/enforce': enforce } },
  });
}
const helm = (s: Stacks, name: string, chart: string, extra: Record<string, unknown> = {}) =>
  add(s, 'prod-platform', 'helm_release', name, { name, chart, repository: 'https://example.invalid/charts', version: '1.0.0', namespace: name, ...extra });
const vault = (attrs: Record<string, unknown>) =>
  add(real(), 'prod-infra', 'azurerm_key_vault', 'kv', { name: 'kv-demo-prod', sku_name: 'standard', tenant_id: 't', ...attrs });
const registry = (attrs: Record<string, unknown>) =>
  add(real(), 'prod-infra', 'azurerm_container_registry', 'acr', { name: 'acrdemoprod', sku: 'Premium', ...attrs });
const storage = (attrs: Record<string, unknown>) =>
  add(real(), 'prod-infra', 'azurerm_storage_account', 'backup', { name: 'stbkdemoprod', account_tier: 'Standard', account_replication_type: 'GRS', ...attrs });
const pool = (attrs: Record<string, unknown>) =>
  add(real(), 'prod-infra', 'azurerm_kubernetes_cluster_node_pool', 'apps', { name: 'apps', mode: 'User', vm_size: 'Standard_D4s_v3', ...attrs });
const secret = (attrs: Record<string, unknown>) => add(real(), 'prod-infra', 'azurerm_key_vault_secret', 's', { name: 'db', key_vault_id: '${azurerm_key_vault.kv.id}', ...attrs });

const CASES: Record<string, Case> = {
  'AKS-SEC-001': { how: 'mutated', pass: () => real(), fail: () => mutate((c) => (c.azure_active_directory_role_based_access_control.azure_rbac_enabled = false)) },
  'AKS-SEC-002': { how: 'mutated', pass: () => real(), fail: () => mutate((c) => (c.role_based_access_control_enabled = false)) },
  'AKS-SEC-003': { how: 'mutated', pass: () => real(), fail: () => mutate((c) => (c.local_account_disabled = false)) },
  'AKS-SEC-004': { how: 'mutated', pass: () => real(), fail: () => mutate((c) => { delete c.identity; c.service_principal = { client_id: 'x', client_secret: '${var.sp}' }; }) },
  'AKS-SEC-005': { how: 'mutated', pass: () => real(), fail: () => mutate((c) => (c.key_vault_secrets_provider.secret_rotation_enabled = false)) },
  'AKS-SEC-006': { how: 'config', pass: () => mutate((c) => (c.microsoft_defender = { log_analytics_workspace_id: LAW })), fail: () => real() },
  'AKS-SEC-007': { how: 'mutated', pass: () => real(), fail: () => mutate((c) => (c.workload_identity_enabled = false)) },
  'AKS-SEC-008': { how: 'config', pass: () => mutate((c) => (c.azure_policy_enabled = true)), fail: () => real() },
  'AKS-SEC-009': { how: 'config', pass: () => mutate((c) => (c.default_node_pool.host_encryption_enabled = true)), fail: () => real() },
  'AKS-NET-001': { how: 'config', pass: () => real(), fail: () => real({ defaults: { network: { policy: 'none' } } }) },
  'AKS-NET-002': { how: 'config', pass: () => mutate((c) => (c.api_server_access_profile = { authorized_ip_ranges: ['203.0.113.0/24'] })), fail: () => real() },
  'AKS-NET-003': { how: 'config', pass: () => real(), fail: () => real({ defaults: { network: { plugin: 'kubenet', policy: 'calico' } } }) },
  'AKS-NET-004': { how: 'mutated', pass: () => real(), fail: () => mutate((c) => (c.network_profile.load_balancer_sku = 'basic')) },
  'AKS-NET-005': { how: 'config', pass: () => real({ defaults: { network: { outboundType: 'userDefinedRouting' } } }), fail: () => real() },
  'AKS-NET-006': { how: 'mutated', pass: () => real(), fail: () => mutate((c) => (c.default_node_pool.node_public_ip_enabled = true)) },
  'AKS-NET-007': { how: 'FIXTURE', pass: () => helm(real(), 'ingress-nginx', 'ingress-nginx'), fail: () => real() },
  'AKS-HA-001': { how: 'config', pass: () => real(), fail: () => real({ environments: { prod: { nodePools: { system: { kind: 'system', zones: ['1'] } } } } }) },
  'AKS-HA-002': { how: 'FIXTURE', pass: () => pool({ zones: ['1', '2', '3'] }), fail: () => pool({ zones: ['1'] }) },
  'AKS-HA-003': { how: 'mutated', pass: () => real(), fail: () => mutate((c) => (c.default_node_pool.only_critical_addons_enabled = false)) },
  'AKS-HA-004': { how: 'config', pass: () => real(), fail: () => real(), env: ['prod', 'dev'] },
  'AKS-HA-005': { how: 'config', pass: () => real(), fail: () => real(), env: ['prod', 'dev'] },
  'AKS-HA-006': {
    how: 'FIXTURE',
    pass: () => add(real(), 'prod-platform', 'kubernetes_pod_disruption_budget_v1', 'pdb', { metadata: { name: 'web' }, spec: { min_available: '2', selector: { match_labels: { app: 'web' } } } }),
    fail: () => real(),
  },
  'AKS-HA-007': {
    how: 'FIXTURE',
    pass: () => helm(real(), 'velero', 'velero', { values: ['schedules:\n  daily-backup:\n    schedule: "0 2 * * *"\n    template:\n      includedNamespaces: [production]\n'] }),
    fail: () => helm(real(), 'velero', 'velero', { values: ['configuration:\n  backupStorageLocation: []\n'] }),
  },
  'AKS-RES-001': {
    how: 'config',
    pass: () => real({ environments: { prod: { nodePools: { system: { kind: 'system', autoscaling: true, minCount: 3, maxCount: 5 } } } } }),
    fail: () => real(),
  },
  'AKS-RES-002': { how: 'FIXTURE', pass: () => pool({ auto_scaling_enabled: true, min_count: 3, max_count: 20 }), fail: () => pool({ auto_scaling_enabled: false, node_count: 3 }) },
  'AKS-RES-003': {
    how: 'FIXTURE',
    pass: () => add(namespace(real(), 'production'), 'prod-platform', 'kubernetes_resource_quota_v1', 'q', { metadata: { name: 'production-quota', namespace: nsRef('production') }, spec: { hard: { 'requests.cpu': '100' } } }),
    fail: () => namespace(real(), 'production'),
  },
  'AKS-RES-004': {
    how: 'FIXTURE',
    pass: () => add(namespace(real(), 'production'), 'prod-platform', 'kubernetes_limit_range_v1', 'l', { metadata: { name: 'limits', namespace: 'production' }, spec: { limit: [{ type: 'Container' }] } }),
    fail: () => namespace(real(), 'production'),
  },
  'AKS-RES-005': { how: 'config', pass: () => real(), fail: () => real({ defaults: { network: { pluginMode: 'none' } } }) },
  'AKS-MON-001': { how: 'config', pass: () => mutate((c) => (c.oms_agent = { log_analytics_workspace_id: LAW })), fail: () => real() },
  'AKS-MON-002': { how: 'config', pass: () => mutate((c) => (c.oms_agent = { log_analytics_workspace_id: LAW, msi_auth_for_monitoring_enabled: true })), fail: () => mutate((c) => (c.oms_agent = { log_analytics_workspace_id: LAW })) },
  'AKS-MON-003': {
    how: 'FIXTURE',
    pass: () => {
      const s = real();
      return add(s, 'prod-infra', 'azurerm_monitor_diagnostic_setting', 'diag', {
        name: 'aks-diagnostics', target_resource_id: clusterRef(s), log_analytics_workspace_id: LAW,
        enabled_log: ['kube-apiserver', 'kube-audit', 'kube-controller-manager', 'kube-scheduler', 'cluster-autoscaler'].map((category) => ({ category })),
      });
    },
    fail: () => {
      const s = real();
      return add(s, 'prod-infra', 'azurerm_monitor_diagnostic_setting', 'diag', {
        name: 'aks-diagnostics', target_resource_id: clusterRef(s), log_analytics_workspace_id: LAW, enabled_log: [{ category: 'kube-apiserver' }],
      });
    },
  },
  'AKS-MON-004': { how: 'config', pass: () => mutate((c) => (c.monitor_metrics = {})), fail: () => real() },
  'AKS-MON-005': { how: 'FIXTURE', pass: () => add(real(), 'prod-infra', 'azurerm_monitor_metric_alert', 'cpu', { name: 'node-cpu' }), fail: () => real() },
  'AKS-OPS-001': { how: 'config', pass: () => mutate((c) => (c.automatic_upgrade_channel = 'stable')), fail: () => real() },
  'AKS-OPS-002': {
    how: 'config',
    pass: () => mutate((c) => (c.maintenance_window_auto_upgrade = { frequency: 'Weekly', interval: 1, day_of_week: 'Saturday', start_time: '02:00', duration: 4 })),
    fail: () => real(),
  },
  'AKS-OPS-003': {
    how: 'config',
    pass: () => mutate((c) => (c.maintenance_window_node_os = { frequency: 'Weekly', interval: 1, day_of_week: 'Sunday', start_time: '02:00', duration: 4 })),
    fail: () => real(),
  },
  'AKS-OPS-004': { how: 'config', pass: () => real(), fail: () => real({ environments: { prod: { tags: { owner: '' } } } }) },
  'AKS-KV-001': { how: 'FIXTURE', pass: () => vault({ purge_protection_enabled: true }), fail: () => vault({}) },
  'AKS-KV-002': { how: 'FIXTURE', pass: () => vault({ rbac_authorization_enabled: true }), fail: () => vault({ access_policy: [{ object_id: 'x' }] }) },
  'AKS-KV-003': { how: 'FIXTURE', pass: () => vault({ public_network_access_enabled: false }), fail: () => vault({ network_acls: { default_action: 'Allow', bypass: 'AzureServices' } }) },
  'AKS-KV-004': { how: 'FIXTURE', pass: () => vault({}), fail: () => vault({ soft_delete_retention_days: 3 }) },
  'AKS-KV-005': { how: 'FIXTURE', pass: () => secret({ value: '${random_password.db.result}' }), fail: () => secret({ value: 'hunter2-literal' }) },
  'AKS-KV-006': { how: 'FIXTURE', pass: () => secret({ expiration_date: '2027-01-01T00:00:00Z', content_type: 'password' }), fail: () => secret({}) },
  'AKS-ACR-001': { how: 'FIXTURE', pass: () => registry({}), fail: () => registry({ admin_enabled: true }) },
  'AKS-ACR-002': { how: 'FIXTURE', pass: () => registry({ anonymous_pull_enabled: false }), fail: () => registry({ anonymous_pull_enabled: true }) },
  'AKS-ACR-003': { how: 'FIXTURE', pass: () => registry({ public_network_access_enabled: false }), fail: () => registry({}) },
  'AKS-ACR-004': { how: 'FIXTURE', pass: () => registry({ zone_redundancy_enabled: true }), fail: () => registry({}) },
  'AKS-ACR-005': { how: 'FIXTURE', pass: () => registry({ retention_policy_in_days: 7 }), fail: () => registry({}) },
  'AKS-ACR-006': { how: 'FIXTURE', pass: () => helm(real(), 'trivy-operator', 'trivy-operator'), fail: () => real() },
  'AKS-ACR-007': {
    how: 'FIXTURE',
    pass: () => add(registry({}), 'prod-infra', 'azurerm_role_assignment', 'pull', { scope: '${azurerm_container_registry.acr.id}', role_definition_name: 'AcrPull', principal_id: clusterRef(real(), 'kubelet_identity[0].object_id') }),
    fail: () => registry({}),
  },
  'AKS-ST-001': { how: 'FIXTURE', pass: () => storage({}), fail: () => storage({ https_traffic_only_enabled: false }) },
  'AKS-ST-002': { how: 'FIXTURE', pass: () => storage({ min_tls_version: 'TLS1_2' }), fail: () => storage({ min_tls_version: 'TLS1_0' }) },
  'AKS-ST-003': { how: 'FIXTURE', pass: () => storage({ allow_nested_items_to_be_public: false }), fail: () => storage({}) },
  'AKS-ST-004': { how: 'FIXTURE', pass: () => storage({ shared_access_key_enabled: false }), fail: () => storage({}) },
  'AKS-ST-005': { how: 'FIXTURE', pass: () => storage({ network_rules: { default_action: 'Deny', bypass: ['AzureServices'] } }), fail: () => storage({}) },
  'AKS-ST-006': { how: 'FIXTURE', pass: () => storage({}), fail: () => storage({ account_replication_type: 'LRS' }) },
  'AKS-ST-007': {
    how: 'FIXTURE',
    pass: () => storage({ blob_properties: { delete_retention_policy: { days: 14 }, container_delete_retention_policy: { days: 14 } } }),
    fail: () => storage({ blob_properties: { versioning_enabled: true } }),
  },
  'AKS-ST-008': {
    how: 'FIXTURE',
    pass: () => add(real(), 'prod-infra', 'azurerm_storage_container', 'velero', { name: 'velero' }),
    fail: () => add(real(), 'prod-infra', 'azurerm_storage_container', 'velero', { name: 'velero', container_access_type: 'blob' }),
  },
  'AKS-K8S-001': {
    how: 'FIXTURE',
    pass: () => add(namespace(real(), 'production'), 'prod-platform', 'kubernetes_network_policy_v1', 'deny', { metadata: { name: 'deny-all-ingress', namespace: nsRef('production') }, spec: { pod_selector: {}, policy_types: ['Ingress'] } }),
    fail: () => add(namespace(real(), 'production'), 'prod-platform', 'kubernetes_network_policy_v1', 'allow', { metadata: { name: 'allow-web', namespace: nsRef('production') }, spec: { pod_selector: { match_labels: { app: 'web' } }, policy_types: ['Ingress'], ingress: [{}] } }),
  },
  'AKS-K8S-002': { how: 'FIXTURE', pass: () => namespace(real(), 'production'), fail: () => namespace(real(), 'production', 'privileged') },
  'AKS-K8S-003': { how: 'FIXTURE', pass: () => helm(real(), 'web', 'web'), fail: () => helm(real(), 'web', 'web', { version: undefined }) },
  'AKS-K8S-004': { how: 'FIXTURE', pass: () => helm(real(), 'web', 'web'), fail: () => helm(real(), 'web', 'web', { create_namespace: true }) },
  ...REACHABILITY_CASES,
};

describe.each(Object.entries(MORE_FAILURES))('%s also fails', (id, cases) => {
  test.each(cases)('%s', (_what, stacks) => {
    expect(statuses(id, stacks())).toContain('fail');
  });
});

test('every rule has a passing and a failing case', () => {
  expect(RULES.map((r) => r.id).filter((id) => !CASES[id])).toEqual([]);
});

test('rule IDs are unique and follow AKS-<AREA>-<NNN>', () => {
  const ids = RULES.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^AKS-[A-Z0-9]+-\d{3}$/);
});

describe.each(Object.entries(CASES))('%s', (id, c) => {
  test(`passes (${c.how})`, () => {
    const s = statuses(id, c.pass(), c.env?.[0]);
    expect(s).toContain('pass');
    expect(s).not.toContain('fail');
  });
  test(`fails (${c.how})`, () => {
    expect(statuses(id, c.fail(), c.env?.[1])).toContain('fail');
  });
});

describe('rules on absent resources', () => {
  test('a rule about a resource the environment lacks is not applicable', () => {
    expect(check('AKS-KV-001', real())).toEqual([{ address: 'prod-infra', status: 'not-applicable', detail: 'no azurerm_key_vault in the environment' }]);
  });

  test('a resource the baseline requires fails at its stack when missing', () => {
    expect(check('AKS-HA-007', real())).toEqual([{ address: 'prod-platform', status: 'fail', detail: 'no Velero release or Schedule in the platform stack' }]);
  });

  test('API server ranges open to the internet fail', () => {
    expect(statuses('AKS-NET-002', mutate((c) => (c.api_server_access_profile = { authorized_ip_ranges: ['0.0.0.0/0'] })))).toEqual(['fail']);
  });

  test('a private cluster passes without authorized ranges', () => {
    expect(statuses('AKS-NET-002', mutate((c) => (c.private_cluster_enabled = true)))).toEqual(['pass']);
  });

  test('a diagnostic setting for another resource does not count for the cluster', () => {
    const s = add(real(), 'prod-infra', 'azurerm_monitor_diagnostic_setting', 'diag', {
      name: 'kv', target_resource_id: '${azurerm_resource_group.resource_group.id}', log_analytics_workspace_id: LAW, enabled_log: [{ category_group: 'allLogs' }],
    });
    expect(check('AKS-MON-003', s)[0].detail).toMatch(/no azurerm_monitor_diagnostic_setting/);
  });

  test('spot pools are exempt from the zone rule', () => {
    expect(statuses('AKS-HA-002', pool({ priority: 'Spot', zones: ['1'] }))).toEqual(['not-applicable']);
  });

  test('findings name the resource by stack, Terraform address and construct path', () => {
    const [o] = check('AKS-SEC-003', real());
    expect(o.address).toMatch(/^prod-infra\.azurerm_kubernetes_cluster\.aks_cluster_[0-9A-F]{8}$/);
    expect(o.path).toBe('prod-infra/aks/cluster');
  });
});
