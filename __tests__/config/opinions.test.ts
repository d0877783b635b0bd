/**
 * The platform's opinions that used to be forced, each now a setting (issue: "no opinion that cannot be turned
 * off"). Each test failed before its setting existed.
 */
import { stringify } from 'yaml';
import { all, config, configText, defaultConfigObject, only, problems, problemsWith, stack, synthAll, type StackJson } from '../helpers/synth';

/** The default file with `edit` applied to the prod environment's object (nulls survive: no merge in between). */
function prodText(edit: (prod: Record<string, any>) => void): string {
  const cfg = defaultConfigObject() as Record<string, any>;
  edit(cfg.environments.prod);
  return stringify(cfg);
}
const prodInfra = (edit: (prod: Record<string, any>) => void): StackJson => synthAll(prodText(edit), 'prod')['prod-infra'];
const pools = (s: StackJson) => Object.fromEntries(Object.values(all(s, 'azurerm_kubernetes_cluster_node_pool')).map((p) => [p.name, p]));
const cluster = (s: StackJson) => only(s, 'azurerm_kubernetes_cluster');

describe('pool labels and taints: null removes, empty means empty', () => {
  test('labels: { workload: null } removes the user kind\'s workload label and keeps the rest', () => {
    const apps = pools(prodInfra((p) => (p.nodePools.apps.labels = { workload: null, tier: 'frontend' }))).apps;
    expect(apps.node_labels).toEqual({ tier: 'frontend' });
  });

  test('labels: {} means no labels at all', () => {
    expect(pools(prodInfra((p) => (p.nodePools.apps.labels = {}))).apps.node_labels).toBeUndefined();
  });

  test('labels: null means no labels at all', () => {
    expect(pools(prodInfra((p) => (p.nodePools.apps.labels = null))).apps.node_labels).toBeUndefined();
  });

  test('a label removed in nodePoolDefaults stays removed on every pool of that kind', () => {
    const apps = pools(prodInfra((p) => (p.nodePoolDefaults = { user: { labels: { workload: null } } }))).apps;
    expect(apps.node_labels).toEqual({ tier: 'frontend' });
  });

  test('an empty map in an environment replaces labels from defaults', () => {
    const cfg = defaultConfigObject() as Record<string, any>;
    cfg.defaults.nodePoolDefaults = { user: { labels: { team: 'core' } } };
    cfg.environments.prod.nodePoolDefaults = { user: { labels: {} } };
    cfg.environments.prod.nodePools.apps.labels = { tier: 'frontend' };
    const apps = pools(synthAll(stringify(cfg), 'prod')['prod-infra']).apps;
    expect(apps.node_labels).toEqual({ tier: 'frontend' });
  });

  test('taints: [] and taints: null both leave a gpu pool untainted', () => {
    expect(pools(prodInfra((p) => (p.nodePools.gpu.taints = []))).gpu.node_taints).toBeUndefined();
    expect(pools(prodInfra((p) => (p.nodePools.gpu.taints = null))).gpu.node_taints).toBeUndefined();
  });

  test('null elsewhere in a pool still just drops the inherited value (vmSize falls back to the kind)', () => {
    const cfg = defaultConfigObject() as Record<string, any>;
    cfg.defaults.nodePoolDefaults = { user: { vmSize: 'Standard_D8s_v3' } };
    cfg.environments.prod.nodePoolDefaults = { user: { vmSize: null } };
    expect(pools(synthAll(stringify(cfg), 'prod')['prod-infra']).apps.vm_size).toBe('Standard_D4s_v3');
  });
});

describe('system pool: only_critical_addons_enabled is a setting', () => {
  test('on by default', () => {
    expect(cluster(stack('prod-infra')).default_node_pool.only_critical_addons_enabled).toBe(true);
  });

  test('criticalAddonsOnly: false on a single-pool cluster', () => {
    const s = prodInfra((p) => (p.nodePools = { system: { kind: 'system', criticalAddonsOnly: false }, apps: null, gpu: null, spot: null }));
    expect(cluster(s).default_node_pool.only_critical_addons_enabled).toBe(false);
    expect(pools(s)).toEqual({});
  });

  test('on with no user pool is refused, naming both', () => {
    const lines = problems(prodText((p) => (p.nodePools = { system: { kind: 'system' }, apps: null, gpu: null, spot: null })));
    expect(lines.join('\n')).toMatch(/nodePools\.system\.criticalAddonsOnly.*no user pool exists.*criticalAddonsOnly: false.*or a pool of kind user/);
  });

  test('only tainted user pools: accepted with a warning that untolerating pods stay Pending', () => {
    const cfg = config(prodText((p) => (p.nodePools = { system: { kind: 'system' }, gpu: { kind: 'gpu' }, apps: null, spot: null })));
    expect(cfg.warnings.join('\n')).toMatch(/prod: every user pool is tainted and nodePools\.system takes only critical add-ons/);
  });

  test('refused on a pool that is not the system pool', () => {
    expect(problemsWith({ environments: { prod: { nodePools: { apps: { criticalAddonsOnly: true } } } } }).join('\n')).toMatch(/nodePools\.apps\.criticalAddonsOnly.*only to the system pool/);
  });
});

describe('upgrade settings: surge can be left to AKS; unavailable, drain and soak where azurerm has them', () => {
  test('maxSurge: null writes no upgrade_settings (AKS default)', () => {
    const s = prodInfra((p) => {
      p.nodePools.apps.maxSurge = null;
      p.nodePools.system.maxSurge = null;
    });
    expect(pools(s).apps.upgrade_settings).toBeUndefined();
    expect(cluster(s).default_node_pool.upgrade_settings).toBeUndefined();
  });

  test('maxUnavailable, drainTimeoutMinutes and nodeSoakMinutes reach upgrade_settings', () => {
    const s = stack('prod-infra', {
      environments: { prod: { nodePools: { apps: { maxSurge: '0', maxUnavailable: '1', drainTimeoutMinutes: 45, nodeSoakMinutes: 5 }, system: { drainTimeoutMinutes: 20 } } } },
    });
    expect(pools(s).apps.upgrade_settings).toEqual({ max_surge: '0', max_unavailable: '1', drain_timeout_in_minutes: 45, node_soak_duration_in_minutes: 5 });
    expect(cluster(s).default_node_pool.upgrade_settings).toEqual({ max_surge: '33%', drain_timeout_in_minutes: 20 });
  });

  test('maxUnavailable on the system pool and upgrade settings on spot pools are refused', () => {
    const lines = problemsWith({ environments: { prod: { nodePools: { system: { maxUnavailable: '1' }, spot: { drainTimeoutMinutes: 10 } } } } }).join('\n');
    expect(lines).toMatch(/nodePools\.system\.maxUnavailable.*no max_unavailable on the default/);
    expect(lines).toMatch(/nodePools\.spot\.drainTimeoutMinutes.*spot pools take no upgrade settings/);
  });
});

describe('cluster opinions that are settings now', () => {
  test('secret rotation can be turned off (secretRotationEnabled)', () => {
    const kv = cluster(stack('prod-infra', { environments: { prod: { cluster: { secretRotationEnabled: false } } } })).key_vault_secrets_provider;
    expect(kv.secret_rotation_enabled).toBe(false);
    expect(kv.secret_rotation_interval).toBeUndefined();
    expect(cluster(stack('prod-infra')).key_vault_secrets_provider).toMatchObject({ secret_rotation_enabled: true, secret_rotation_interval: '2m' });
  });

  test('OIDC issuer and workload identity off when nothing needs them', () => {
    const off = {
      cluster: { oidcIssuer: false, workloadIdentity: false },
      workloads: null, backup: { enabled: false }, addons: { trivyOperator: { enabled: false } }, ingress: { controller: 'nginx' },
    };
    const c = cluster(stack('prod-infra', { environments: { prod: off } }));
    expect(c.oidc_issuer_enabled).toBe(false);
    expect(c.workload_identity_enabled).toBe(false);
  });

  test('OIDC issuer off while a workload or add-on needs workload identity is refused, naming them', () => {
    const lines = problemsWith({ environments: { prod: { cluster: { oidcIssuer: false } } } }).join('\n');
    expect(lines).toMatch(/cluster\.oidcIssuer.*workload identity is needed by .*backup \(Velero\)/);
  });

  test('Container Insights without managed-identity auth (no data collection rule then)', () => {
    const s = stack('prod-infra', { environments: { prod: { cluster: { monitoring: { containerInsightsMsiAuth: false } } } } });
    expect(cluster(s).oms_agent.msi_auth_for_monitoring_enabled).toBe(false);
    expect(all(s, 'azurerm_monitor_data_collection_rule_association')).not.toHaveProperty('container-insights');
    expect(Object.values(all(s, 'azurerm_monitor_data_collection_rule')).some((r) => String(r.name).startsWith('MSCI-'))).toBe(false);
  });

  test('node OS upgrade channel None is emitted as set', () => {
    const c = cluster(stack('prod-infra', { environments: { prod: { cluster: { upgrades: { nodeOsChannel: 'None', nodeOsWindow: { enabled: false } } } } } }));
    expect(c.node_os_upgrade_channel).toBe('None');
  });

  test('no pod_cidr without network.podCidr: AKS\'s default stands', () => {
    const cfg = defaultConfigObject() as Record<string, any>;
    delete cfg.defaults.network?.podCidr;
    delete cfg.environments.prod.network?.podCidr;
    const net = cluster(synthAll(stringify(cfg), 'prod')['prod-infra']).network_profile;
    expect(net.network_plugin_mode).toBe('overlay');
    expect(net.pod_cidr).toBeUndefined();
  });

  test('network.policy none: production refuses NetworkPolicies nothing enforces', () => {
    expect(problemsWith({ environments: { prod: { network: { policy: 'none' } } } }).join('\n')).toMatch(/network\.policy.*none: nothing would enforce the NetworkPolicies of namespaces/);
  });

  test('network.policy none: development warns and writes no NetworkPolicies', () => {
    const text = configText({ environments: { dev: { network: { policy: 'none' } } } });
    const cfg = config(text);
    const dev = synthAll(text, 'dev')['dev-platform'];
    expect(Object.keys(all(dev, 'kubernetes_network_policy_v1'))).toEqual([]);
    expect(cfg.warnings.join('\n')).toMatch(/dev: network\.policy is none: no NetworkPolicies are written/);
  });
});
