/**
 * Every rule has a passing and a failing case, built from real config: the default platform.yaml, or a small patch
 * of it that uses the setting the rule is about. `mutated` marks the one case in a pair that config cannot express
 * because the platform is secure by default with no setting that weakens (or, for a few informational rules,
 * strengthens) the attribute: real synthesized output with that one attribute changed by hand; the test name says so.
 */
import { App, TerraformStack, Testing } from 'cdktf';
import { PodDisruptionBudgetV1 } from '@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1';
import { RULES } from '../../lib/baseline/rules';
import type { StackJson } from '../../lib/baseline/stack-model';
import { add, check, cluster, real, statuses } from './helpers';
import { MORE_FAILURES, REACHABILITY_CASES } from './reachability-cases';

type Stacks = Record<string, StackJson>;
interface Build {
  readonly how: string;
  readonly build: () => Stacks;
}
interface Case {
  pass: Build;
  fail: Build;
  /** Environment of the pass and fail cases. @default prod */
  env?: [string, string];
}

/** The default platform.yaml with `patch` under environments.prod. */
const prod = (patch?: Record<string, unknown>): Build => ({ how: 'config', build: () => real(patch ? { environments: { prod: patch } } : undefined) });
/** The default platform.yaml with `patch` merged over the whole file. */
const file = (patch: Record<string, unknown>): Build => ({ how: 'config', build: () => real(patch) });
/** Real output with one attribute changed by hand: config has no setting for it (the reason is in the test name). */
const mutated = (why: string, fn: (s: Stacks) => void): Build => ({
  how: `mutated: ${why}`,
  build: () => {
    const s = real();
    fn(s);
    return s;
  },
});
const NO_KNOB = 'secure by default, no setting weakens it';
const onCluster = (fn: (c: Record<string, any>) => void) => mutated(NO_KNOB, (s) => fn(cluster(s)));
const first = (s: Stacks, stack: string, type: string): Record<string, any> => Object.values(s[stack].resource![type])[0] as Record<string, any>;
const named = (s: Stacks, stack: string, type: string, pred: (r: Record<string, any>) => boolean): Record<string, any> =>
  Object.values(s[stack].resource![type]).find((r) => pred(r as Record<string, any>)) as Record<string, any>;

const CASES: Record<string, Case> = {
  'AKS-SEC-001': { pass: prod(), fail: onCluster((c) => (c.azure_active_directory_role_based_access_control.azure_rbac_enabled = false)) },
  'AKS-SEC-002': { pass: prod(), fail: onCluster((c) => (c.role_based_access_control_enabled = false)) },
  'AKS-SEC-003': { pass: prod(), fail: onCluster((c) => (c.local_account_disabled = false)) },
  'AKS-SEC-004': { pass: prod(), fail: onCluster((c) => { delete c.identity; c.service_principal = { client_id: 'x', client_secret: '${var.sp}' }; }) },
  'AKS-SEC-005': { pass: prod(), fail: onCluster((c) => (c.key_vault_secrets_provider.secret_rotation_enabled = false)) },
  'AKS-SEC-006': { pass: prod(), fail: prod({ cluster: { monitoring: { defender: false } } }) },
  'AKS-SEC-007': { pass: prod(), fail: onCluster((c) => (c.workload_identity_enabled = false)) },
  'AKS-SEC-008': { pass: prod(), fail: prod({ cluster: { monitoring: { azurePolicy: false } } }) },
  'AKS-SEC-009': {
    pass: prod({ nodePoolDefaults: Object.fromEntries(['system', 'user', 'gpu', 'spot'].map((k) => [k, { hostEncryption: true }])) }),
    fail: prod(),
  },
  // With no engine, production refuses namespaces with NetworkPolicies (nothing would enforce them): say there are none.
  'AKS-NET-001': { pass: prod(), fail: file({ defaults: { network: { policy: 'none' }, namespaces: Object.fromEntries(['production', 'staging', 'orders', 'batch'].map((n) => [n, { denyAllIngress: false }])) } }) },
  'AKS-NET-002': { pass: prod(), fail: prod({ cluster: { apiServer: { access: 'publicUnrestricted', authorizedIpRanges: [] } } }) },
  // kubenet is refused at synth (retired); bring-your-own CNI (plugin none) is what this rule still sees.
  'AKS-NET-003': { pass: prod(), fail: file({ defaults: { network: { plugin: 'none', pluginMode: 'none', policy: 'calico' } } }) },
  'AKS-NET-004': { pass: prod(), fail: onCluster((c) => (c.network_profile.load_balancer_sku = 'basic')) },
  'AKS-NET-005': { pass: prod({ network: { outboundType: 'managedNATGateway' } }), fail: prod() },
  'AKS-NET-006': { pass: prod(), fail: onCluster((c) => (c.default_node_pool.node_public_ip_enabled = true)) },
  'AKS-NET-007': { pass: prod(), fail: prod({ ingress: { controller: 'none' } }) },
  'AKS-HA-001': { pass: prod(), fail: prod({ nodePools: { system: { kind: 'system', zones: ['1'] } } }) },
  'AKS-HA-002': { pass: prod(), fail: prod({ nodePools: { apps: { kind: 'user', zones: ['1'] } } }) },
  'AKS-HA-003': { pass: prod(), fail: onCluster((c) => (c.default_node_pool.only_critical_addons_enabled = false)) },
  'AKS-HA-004': { pass: prod(), fail: prod(), env: ['prod', 'dev'] },
  'AKS-HA-005': { pass: prod(), fail: prod(), env: ['prod', 'dev'] },
  'AKS-HA-006': { pass: prod(), fail: prod({ ingress: { nginx: { replicas: 1 } } }) },
  'AKS-HA-007': { pass: prod(), fail: prod({ backup: { enabled: false } }) },
  'AKS-RES-001': {
    pass: prod(),
    fail: prod({ nodePools: { gpu: null, spot: null, apps: { kind: 'user', autoscaling: false, count: 3 } } }),
  },
  'AKS-RES-002': { pass: prod(), fail: prod({ nodePools: { apps: { kind: 'user', autoscaling: false, count: 3 } } }) },
  'AKS-RES-003': { pass: prod(), fail: prod({ namespaces: { production: { quota: {} } } }) },
  'AKS-RES-004': {
    pass: prod(),
    fail: mutated('every application namespace gets a LimitRange, no setting removes it', (s) => {
      const limits = s['prod-platform'].resource!.kubernetes_limit_range_v1;
      for (const [k, v] of Object.entries(limits)) if (/production/.test(JSON.stringify((v as Record<string, unknown>).metadata))) delete limits[k];
    }),
  },
  'AKS-RES-005': { pass: prod(), fail: file({ defaults: { network: { pluginMode: 'none' } } }) },
  'AKS-MON-001': { pass: prod(), fail: prod({ cluster: { monitoring: { containerInsights: false } } }) },
  'AKS-MON-002': { pass: prod(), fail: prod({ cluster: { monitoring: { containerInsights: false } } }) },
  'AKS-MON-003': { pass: prod(), fail: prod({ cluster: { monitoring: { diagnosticLogs: ['kube-apiserver'] } } }) },
  'AKS-MON-004': { pass: prod(), fail: prod({ cluster: { monitoring: { prometheus: false } } }) },
  'AKS-MON-005': { pass: prod(), fail: prod({ cluster: { monitoring: { alerts: { enabled: false } } }, observability: { alerts: { enabled: false } } }) },
  'AKS-MON-006': { pass: prod(), fail: prod({ cluster: { monitoring: { alerts: { emailReceivers: [] } } }, observability: { alerts: { enabled: false } } }) },
  'AKS-OPS-001': { pass: prod(), fail: prod({ cluster: { upgrades: { channel: 'none', autoUpgradeWindow: { enabled: false } } } }) },
  'AKS-OPS-002': { pass: prod(), fail: prod({ cluster: { upgrades: { autoUpgradeWindow: { enabled: false } } } }) },
  'AKS-OPS-003': { pass: prod(), fail: prod({ cluster: { upgrades: { nodeOsWindow: { enabled: false } } } }) },
  'AKS-OPS-004': { pass: prod(), fail: prod({ tags: { owner: '' } }) },
  'AKS-KV-001': { pass: prod(), fail: prod({ keyVault: { purgeProtection: false } }) },
  'AKS-KV-002': { pass: prod(), fail: prod({ keyVault: { authorization: 'accessPolicy' }, workloads: { orders: { scope: 'vault' } } }) },
  'AKS-KV-003': { pass: prod(), fail: prod({ keyVault: { networkAcls: { defaultAction: 'Allow' } } }) },
  'AKS-KV-004': {
    pass: prod(),
    fail: mutated('the schema refuses softDeleteRetentionDays below 7', (s) => (first(s, 'prod-infra', 'azurerm_key_vault').soft_delete_retention_days = 3)),
  },
  'AKS-KV-005': {
    pass: mutated('no setting creates Key Vault secrets', (s) => add(s, 'prod-infra', 'azurerm_key_vault_secret', 's', { name: 'db', value: '${random_password.db.result}' })),
    fail: mutated('no setting creates Key Vault secrets', (s) => add(s, 'prod-infra', 'azurerm_key_vault_secret', 's', { name: 'db', value: 'hunter2-literal' })),
  },
  'AKS-KV-006': {
    pass: mutated('no setting creates Key Vault secrets', (s) => add(s, 'prod-infra', 'azurerm_key_vault_secret', 's', { name: 'db', expiration_date: '2027-01-01T00:00:00Z', content_type: 'password' })),
    fail: mutated('no setting creates Key Vault secrets', (s) => add(s, 'prod-infra', 'azurerm_key_vault_secret', 's', { name: 'db' })),
  },
  'AKS-ACR-001': { pass: prod(), fail: mutated(NO_KNOB, (s) => (first(s, 'prod-infra', 'azurerm_container_registry').admin_enabled = true)) },
  'AKS-ACR-002': { pass: prod(), fail: prod({ acr: { anonymousPull: true } }) },
  'AKS-ACR-003': { pass: prod({ acr: { publicNetworkAccess: false, privateEndpoint: {} } }), fail: prod() },
  'AKS-ACR-004': { pass: prod(), fail: prod({ acr: { zoneRedundancy: false } }) },
  'AKS-ACR-005': { pass: prod(), fail: prod({ acr: { retentionDays: 0 } }) },
  'AKS-ACR-006': { pass: prod(), fail: prod({ addons: { trivyOperator: { enabled: false } }, cluster: { monitoring: { defender: false } } }) },
  'AKS-ACR-007': { pass: prod(), fail: prod({ acr: { attach: false } }) },
  'AKS-ACR-008': { pass: prod(), fail: prod({ acr: { diagnostics: { categories: ['ContainerRegistryLoginEvents'] } } }) },
  'AKS-ST-001': { pass: prod(), fail: mutated(NO_KNOB, (s) => (first(s, 'prod-infra', 'azurerm_storage_account').https_traffic_only_enabled = false)) },
  'AKS-ST-002': { pass: prod(), fail: mutated(NO_KNOB, (s) => (first(s, 'prod-infra', 'azurerm_storage_account').min_tls_version = 'TLS1_0')) },
  'AKS-ST-003': { pass: prod(), fail: mutated(NO_KNOB, (s) => (first(s, 'prod-infra', 'azurerm_storage_account').allow_nested_items_to_be_public = true)) },
  'AKS-ST-004': { pass: prod(), fail: mutated(NO_KNOB, (s) => (first(s, 'prod-infra', 'azurerm_storage_account').shared_access_key_enabled = true)) },
  'AKS-ST-005': {
    pass: prod(),
    fail: prod({ backup: { allowNodeSubnet: false } }),
  },
  'AKS-ST-006': { pass: prod(), fail: mutated(NO_KNOB, (s) => (first(s, 'prod-infra', 'azurerm_storage_account').account_replication_type = 'LRS')) },
  'AKS-ST-007': {
    pass: prod(),
    fail: mutated('backup.softDeleteDays is at least 1, no setting removes soft delete', (s) => delete first(s, 'prod-infra', 'azurerm_storage_account').blob_properties),
  },
  'AKS-ST-008': { pass: prod(), fail: mutated(NO_KNOB, (s) => (first(s, 'prod-infra', 'azurerm_storage_container').container_access_type = 'blob')) },
  'AKS-K8S-001': { pass: prod(), fail: prod({ namespaces: { production: { denyAllIngress: false } } }) },
  'AKS-K8S-002': {
    pass: prod(),
    fail: mutated('application namespaces cannot be privileged in config', (s) => {
      named(s, 'prod-platform', 'kubernetes_namespace_v1', (r) => r.metadata.name === 'production').metadata.labels['pod-security.kubernetes.io/enforce'] = 'privileged';
    }),
  },
  'AKS-K8S-003': { pass: prod(), fail: mutated('every add-on pins its chart, no setting unpins it', (s) => delete first(s, 'prod-platform', 'helm_release').version) },
  'AKS-K8S-004': { pass: prod(), fail: mutated('the stack creates add-on namespaces, no setting hands that to Helm', (s) => (first(s, 'prod-platform', 'helm_release').create_namespace = true)) },
  'AKS-K8S-005': { pass: prod({ addons: { trivyOperator: { enabled: false } } }), fail: prod() },
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
  test(`passes (${c.pass.how})`, () => {
    const s = statuses(id, c.pass.build(), c.env?.[0]);
    expect(s).toContain('pass');
    expect(s).not.toContain('fail');
  });
  test(`fails (${c.fail.how})`, () => {
    expect(statuses(id, c.fail.build(), c.env?.[1])).toContain('fail');
  });
});

describe('rules on absent resources', () => {
  test('a rule about a resource the environment lacks is not applicable', () => {
    expect(check('AKS-KV-005', real())).toEqual([{ address: 'prod-infra', status: 'not-applicable', detail: 'no azurerm_key_vault_secret in the environment' }]);
  });

  test('a resource the baseline requires fails at its stack when missing', () => {
    expect(check('AKS-HA-007', real({ environments: { prod: { backup: { enabled: false } } } }))).toEqual([
      { address: 'prod-platform', status: 'fail', detail: 'no Velero release or Schedule in the platform stack' },
    ]);
  });

  test('API server ranges open to the internet fail', () => {
    const s = real();
    cluster(s).api_server_access_profile = { authorized_ip_ranges: ['0.0.0.0/0'] };
    expect(statuses('AKS-NET-002', s)).toEqual(['fail']);
  });

  test('a private cluster passes without authorized ranges', () => {
    expect(check('AKS-NET-002', real({ environments: { prod: { cluster: { apiServer: { access: 'private', authorizedIpRanges: [] } } } } }))[0]).toMatchObject({
      status: 'pass',
      detail: 'private_cluster_enabled = true',
    });
  });

  test('a diagnostic setting for another resource does not count for the cluster', () => {
    const s = real({ environments: { prod: { cluster: { monitoring: { diagnosticLogs: [], diagnosticMetrics: false } } } } });
    // The Key Vault's own diagnostic setting remains.
    expect(Object.values(s['prod-infra'].resource!.azurerm_monitor_diagnostic_setting ?? {}).length).toBeGreaterThan(0);
    expect(check('AKS-MON-003', s)[0].detail).toMatch(/no azurerm_monitor_diagnostic_setting/);
  });

  test('spot pools are exempt from the zone rule', () => {
    const spot = check('AKS-HA-002', real({ environments: { prod: { nodePools: { spot: { kind: 'spot', zones: ['1'] } } } } })).find((o) => o.address.includes('spot'));
    expect(spot?.status).toBe('not-applicable');
  });

  test('findings name the resource by stack, Terraform address and construct path', () => {
    const [o] = check('AKS-SEC-003', real());
    expect(o.address).toMatch(/^prod-infra\.azurerm_kubernetes_cluster\.aks_cluster_[0-9A-F]{8}$/);
    expect(o.path).toBe('prod-infra/aks/cluster');
  });
});

describe('application and add-on namespaces', () => {
  const byNamespace = (id: string, s = real()) =>
    Object.fromEntries(check(id, s).map((o) => [/namespace-([a-z0-9-]+)_namespace/.exec(o.address)?.[1], o.status]));

  test.each(['AKS-RES-003', 'AKS-RES-004', 'AKS-K8S-001', 'AKS-K8S-002'])('%s holds workload namespaces to the application baseline and skips add-on namespaces', (id) => {
    expect(byNamespace(id)).toEqual({
      production: 'pass', staging: 'pass', orders: 'pass', batch: 'pass',
      'ingress-nginx': 'not-applicable', 'trivy-system': 'not-applicable', velero: 'not-applicable',
    });
  });

  test('an unlabelled namespace is held to the application baseline (leaving it takes the add-on label)', () => {
    const s = real();
    delete named(s, 'prod-platform', 'kubernetes_namespace_v1', (r) => r.metadata.name === 'velero').metadata.labels['platform/role'];
    expect(byNamespace('AKS-RES-003', s).velero).toBe('fail');
  });

  test('AKS-K8S-005 reports a privileged add-on namespace with the reason its chart needs it', () => {
    const trivy = check('AKS-K8S-005', real()).find((o) => o.address.includes('trivy-system'));
    expect(trivy).toMatchObject({ status: 'fail', detail: expect.stringMatching(/"privileged": the node-collector jobs .* mount host paths/) });
  });

  test('AKS-K8S-005 flags Velero once its node agent makes the namespace privileged', () => {
    const velero = (patch?: Record<string, unknown>) => check('AKS-K8S-005', real(patch)).find((o) => o.address.includes('velero'))?.status;
    expect(velero()).toBe('pass');
    expect(velero({ environments: { prod: { backup: { nodeAgent: true } } } })).toBe('fail');
  });

  test('AKS-K8S-005 is a warning: it never blocks synth', () => {
    expect(RULES.find((r) => r.id === 'AKS-K8S-005')!.severity).toBe('warning');
  });
});

describe('PodDisruptionBudgets rendered by charts (AKS-HA-006)', () => {
  test('ingress-nginx with 2 replicas renders the controller PDB from the chart minAvailable', () => {
    const [o] = check('AKS-HA-006', real());
    expect(o).toMatchObject({ status: 'pass', address: expect.stringMatching(/helm_release\.ingress-nginx/) });
    expect(o.detail).toBe('chart ingress-nginx renders a PodDisruptionBudget for controller (controller.replicaCount = 2): minAvailable = 1, maxUnavailable = unset');
  });

  test('with ingress.controller agc the platform-made ALB controller PDB passes', () => {
    const agc = real({ environments: { prod: { ingress: { controller: 'agc', agc: { subnetCidr: '10.232.32.0/24' } } } } });
    expect(check('AKS-HA-006', agc)).toEqual([
      expect.objectContaining({ status: 'pass', address: expect.stringMatching(/kubernetes_pod_disruption_budget_v1\.alb-controller_pdb/), detail: 'min_available = "1", max_unavailable = unset' }),
    ]);
  });

  const nginx = (values: Record<string, unknown>) => check('AKS-HA-006', real({ environments: { prod: { ingress: { nginx: { replicas: 1, values } } } } }));

  test('autoscaling with minReplicas above 1 renders it too', () => {
    expect(nginx({ controller: { autoscaling: { enabled: true, minReplicas: 2 }, minAvailable: 1 } })).toEqual([
      expect.objectContaining({ status: 'pass', detail: expect.stringContaining('(controller.autoscaling.minReplicas = 2): minAvailable = 1') }),
    ]);
  });

  test('a rendered PDB with neither minAvailable nor maxUnavailable fails (the construct sets minAvailable 0 for one replica)', () => {
    expect(nginx({ controller: { autoscaling: { enabled: true, minReplicas: 2 } } })).toEqual([
      expect.objectContaining({ status: 'fail', detail: expect.stringContaining('minAvailable = unset, maxUnavailable = unset') }),
    ]);
  });

  test('a DaemonSet controller renders no PDB', () => {
    expect(nginx({ controller: { kind: 'DaemonSet', minAvailable: 1 } }).map((o) => o.status)).toEqual(['fail']);
  });

  test('Velero renders one when its values enable podDisruptionBudget', () => {
    const s = real({ environments: { prod: { ingress: { nginx: { replicas: 1 } }, backup: { values: { podDisruptionBudget: { enabled: true } } } } } });
    expect(check('AKS-HA-006', s)).toEqual([expect.objectContaining({ status: 'pass', detail: expect.stringMatching(/^chart velero renders a PodDisruptionBudget for podDisruptionBudget .*minAvailable = 1/) })]);
  });

  test('a kubernetes_pod_disruption_budget_v1 from the provider class counts', () => {
    const app = new App();
    const scratch = new TerraformStack(app, 'prod-platform');
    new PodDisruptionBudgetV1(scratch, 'pdb', { metadata: { name: 'web', namespace: 'production' }, spec: { minAvailable: '2', selector: { matchLabels: { app: 'web' } } } });
    const [, pdb] = Object.entries((JSON.parse(Testing.synth(scratch)) as StackJson).resource!.kubernetes_pod_disruption_budget_v1)[0];
    const s = add(real({ environments: { prod: { ingress: { nginx: { replicas: 1 } } } } }), 'prod-platform', 'kubernetes_pod_disruption_budget_v1', 'pdb', pdb);
    expect(check('AKS-HA-006', s)).toEqual([expect.objectContaining({ status: 'pass', detail: 'min_available = "2", max_unavailable = unset' })]);
  });
});

describe('AcrPull for the kubelet identity (AKS-ACR-007)', () => {
  test('an AcrPull grant to another identity (the Trivy scanner) does not count', () => {
    const [o] = check('AKS-ACR-007', real({ environments: { prod: { acr: { attach: false } } } }));
    expect(o).toMatchObject({ status: 'fail', detail: 'no AcrPull role assignment for the kubelet identity scoped to this registry' });
  });

  test('a kubelet identity the platform creates counts through the cluster kubelet_identity', () => {
    expect(statuses('AKS-ACR-007', real({ environments: { prod: { cluster: { identity: { kubelet: 'create' } } } } }))).toEqual(['pass']);
  });
});
