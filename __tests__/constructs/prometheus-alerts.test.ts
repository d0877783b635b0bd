import { App, TerraformStack, Testing } from 'cdktf';
import { PrometheusAlerts, RECOMMENDED_AKS_ALERTS, type PrometheusAlertsProps } from '../../lib/constructs/prometheus-alerts';
import { all, only, stack, type StackJson } from '../helpers/synth';

const prodWith = (monitoring: Record<string, unknown>, observability?: Record<string, unknown>) =>
  stack('prod-infra', { environments: { prod: { cluster: { monitoring }, ...(observability ? { observability } : {}) } } });
/** Without the fixture's e-mail receiver (and so without the platform alerts, which would be refused without one). */
const noReceivers = { emailReceivers: [] };
// Alert rule groups only (the recording rule groups of observability.prometheus are beside them).
const groups = (s: StackJson) => Object.values(all(s, 'azurerm_monitor_alert_prometheus_rule_group')).filter((g) => /-alerts-/.test(g.name));
const AG = '/subscriptions/1/resourceGroups/rg-ops/providers/Microsoft.Insights/actionGroups/ag-oncall';

describe('from the platform config', () => {
  test('prod: cluster, node and pod rule groups are scoped to the Azure Monitor workspace and the cluster', () => {
    const s = stack('prod-infra');
    const cluster = only(s, 'azurerm_kubernetes_cluster');
    expect(groups(s).map((g) => g.name)).toEqual(['cluster', 'node', 'pod'].map((l) => `${l}-alerts-${cluster.name}`));
    for (const g of groups(s)) {
      expect(g.scopes).toEqual([expect.stringMatching(/^\$\{azurerm_monitor_workspace\.prometheus_workspace_\w+\.id\}$/), expect.stringMatching(/^\$\{azurerm_kubernetes_cluster\.aks_cluster_\w+\.id\}$/)]);
      expect(g.cluster_name).toBe(cluster.name);
      expect(g.location).toBe(cluster.location);
    }
  });

  test('prod: without receivers no action group is created and rules carry no action', () => {
    const s = prodWith({ alerts: noReceivers }, { alerts: { enabled: false } });
    expect(all(s, 'azurerm_monitor_action_group')).toEqual({});
    expect(groups(s).flatMap((g) => g.rule).every((r: Record<string, unknown>) => r.action === undefined)).toBe(true);
  });

  test('e-mail receivers from config go to a created action group that every rule notifies', () => {
    const s = prodWith({ alerts: { emailReceivers: ['ops@example.com', 'sre@example.com'] } });
    const ag = only(s, 'azurerm_monitor_action_group');
    expect(ag.short_name.length).toBeLessThanOrEqual(12);
    expect(ag.email_receiver.map((r: { email_address: string }) => r.email_address)).toEqual(['ops@example.com', 'sre@example.com']);
    const actions = groups(s).flatMap((g) => g.rule).map((r: { action: unknown }) => r.action);
    expect(actions).toEqual(actions.map(() => [{ action_group_id: expect.stringMatching(/^\$\{azurerm_monitor_action_group\.alerts_action-group_\w+\.id\}$/) }]));
  });

  test('an existing action group is notified instead of creating one', () => {
    const s = prodWith({ alerts: { ...noReceivers, actionGroupId: AG } });
    expect(all(s, 'azurerm_monitor_action_group')).toEqual({});
    expect(new Set(groups(s).flatMap((g) => g.rule).map((r: { action: { action_group_id: string }[] }) => r.action[0].action_group_id))).toEqual(new Set([AG]));
  });

  test('an existing Azure Monitor workspace is the rule groups\' scope', () => {
    const amw = '/subscriptions/1/resourceGroups/rg-mon/providers/Microsoft.Monitor/accounts/amw-central';
    expect(groups(prodWith({ existingMonitorWorkspaceId: amw })).map((g) => g.scopes[0])).toEqual([amw, amw, amw]);
  });

  test('alerts disabled: no rule group and no action group', () => {
    const s = prodWith({ alerts: { enabled: false, emailReceivers: ['ops@example.com'] } }, { alerts: { enabled: false } });
    expect(groups(s)).toEqual([]);
    expect(all(s, 'azurerm_monitor_action_group')).toEqual({});
  });

  test('dev: no alerts, because the development preset turns managed Prometheus off', () => {
    expect(all(stack('dev-infra'), 'azurerm_monitor_alert_prometheus_rule_group')).toEqual({});
  });

  test('rules have ISO 8601 for-durations, a severity of 0-4 and a summary', () => {
    for (const r of groups(stack('prod-infra')).flatMap((g) => g.rule)) {
      expect([r.alert, r.for, r.severity, typeof r.annotations?.summary]).toEqual([r.alert, expect.stringMatching(/^PT\d+M$/), expect.any(Number), 'string']);
      expect(r.severity).toBeGreaterThanOrEqual(0);
      expect(r.severity).toBeLessThanOrEqual(4);
    }
  });
});

describe('recommended alerts', () => {
  test('cover node readiness, crash loops, restarts, node CPU/memory, PVC usage and replica mismatches', () => {
    const names = Object.values(RECOMMENDED_AKS_ALERTS).flat().map((a) => a.alert);
    for (const n of ['KubeNodeNotReady', 'KubePodCrashLooping', 'KubePodContainerRestart', 'NodeCPUHighUtilization', 'NodeMemoryHighUtilization', 'KubePersistentVolumeFillingUp', 'KubeDeploymentReplicasMismatch', 'KubeStatefulSetReplicasMismatch']) {
      expect(names).toContain(n);
    }
    expect(new Set(names).size).toBe(names.length);
  });

  test('expressions have balanced brackets and quotes', () => {
    for (const a of Object.values(RECOMMENDED_AKS_ALERTS).flat()) {
      const count = (c: string) => a.expression.split(c).length - 1;
      expect([a.alert, count('('), count('{'), count('['), count('"') % 2]).toEqual([a.alert, count(')'), count('}'), count(']'), 0]);
    }
  });
});

describe('props validation', () => {
  const base: PrometheusAlertsProps = { clusterName: 'aks', clusterId: '/c', monitorWorkspaceId: '/w', resourceGroupName: 'rg', location: 'koreacentral' };
  const make = (p: Partial<PrometheusAlertsProps>) => new PrometheusAlerts(new TerraformStack(Testing.app() as App, 't'), 'a', { ...base, ...p });

  test('emailReceivers and actionGroupId together are refused', () => {
    expect(() => make({ emailReceivers: ['ops@example.com'], actionGroupId: AG })).toThrow(/emailReceivers \(ops@example.com\) and actionGroupId are mutually exclusive/);
  });

  test('a malformed e-mail address is refused', () => {
    expect(() => make({ emailReceivers: ['ops.example.com'] })).toThrow(/emailReceivers has "ops.example.com"/);
  });

  test('an action group short name over 12 characters is refused', () => {
    expect(() => make({ emailReceivers: ['ops@example.com'], actionGroupShortName: 'aks-alerts-prod' })).toThrow(/actionGroupShortName "aks-alerts-prod" has 15 characters; allowed: 1 to 12/);
  });

  test('addRuleGroup returns a group on the same scopes and action group', () => {
    const a = make({ actionGroupId: AG });
    const g = a.addRuleGroup('app', [{ alert: 'AppDown', expression: 'up{job="app"} == 0', for: 'PT5M', severity: 2, summary: 'app down' }]);
    const json = JSON.parse(Testing.synth(a.node.scope as TerraformStack));
    const synthesized = Object.values(json.resource.azurerm_monitor_alert_prometheus_rule_group as Record<string, any>).find((x) => x.name === 'app-alerts-aks')!;
    expect(g.node.id).toBe('app');
    expect(synthesized.scopes).toEqual(['/w', '/c']);
    expect(synthesized.rule[0].action).toEqual([{ action_group_id: AG }]);
  });
});
