/** Monitoring: Container Insights, Managed Prometheus, control-plane diagnostics, alerts (seed: 모니터링). */
import { attr, blocks, show } from '../stack-model';
import type { Outcome, Rule } from '../types';
import { homeAddress, isTrue, outcome, presenceRule, resourceRule } from './dsl';

const CLUSTER = { area: 'monitoring', types: ['azurerm_kubernetes_cluster'], home: 'infra', whenAbsent: 'not-applicable' } as const;

/** The control-plane log categories the seed's diagnostic settings turn on. */
export const CONTROL_PLANE_LOGS = ['kube-apiserver', 'kube-audit', 'kube-controller-manager', 'kube-scheduler', 'cluster-autoscaler'] as const;

/** Categories a diagnostic setting's enabled_log blocks leave out (category groups count for what they cover). */
function missingCategories(setting: Record<string, unknown>): string[] {
  const logs = [...blocks(setting, 'enabled_log'), ...blocks(setting, 'log').filter((l) => l.enabled !== false)];
  const cats = new Set(logs.map((l) => l.category).filter((c): c is string => typeof c === 'string'));
  const groups = new Set(logs.map((l) => l.category_group).filter((c): c is string => typeof c === 'string'));
  if (groups.has('allLogs')) return [];
  if (groups.has('audit') || cats.has('kube-audit-admin')) cats.add('kube-audit');
  return CONTROL_PLANE_LOGS.filter((c) => !cats.has(c));
}

const diagnostics: Rule = {
  id: 'AKS-MON-003',
  title: 'Control-plane diagnostic logs sent to Log Analytics',
  severity: 'error',
  area: 'monitoring',
  seed: 'Production checklist / 모니터링: Diagnostic Logs 활성화; 3. 로깅 전략: Diagnostic Settings (kube-apiserver, kube-controller-manager, kube-scheduler, kube-audit, cluster-autoscaler)',
  remedy: "Keep cluster.monitoring.diagnosticLogs at the seed's five categories (the default; an empty list removes the diagnostic setting) so an azurerm_monitor_diagnostic_setting targets the cluster.",
  check(env): Outcome[] {
    const clusters = env.ofType('azurerm_kubernetes_cluster');
    if (clusters.length === 0) return [{ address: homeAddress(env, 'infra'), status: 'not-applicable', detail: 'no azurerm_kubernetes_cluster' }];
    const settings = env.ofType('azurerm_monitor_diagnostic_setting');
    return clusters.map((c) => {
      const mine = settings.filter((s) => env.references(s, s.attrs.target_resource_id, c));
      if (mine.length === 0) return outcome(c, false, 'no azurerm_monitor_diagnostic_setting with target_resource_id = this cluster');
      const missing = CONTROL_PLANE_LOGS.filter((cat) => mine.every((s) => missingCategories(s.attrs).includes(cat)));
      const dest = mine.some((s) => s.attrs.log_analytics_workspace_id !== undefined);
      const ok = missing.length === 0 && dest;
      const detail = [missing.length ? `missing categories: ${missing.join(', ')}` : 'all five categories enabled', dest ? 'to Log Analytics' : 'no log_analytics_workspace_id'];
      return outcome(c, ok, `${mine.map((s) => s.tfAddress).join(', ')}: ${detail.join('; ')}`);
    });
  },
};

/** Alert resources and whether each names an action group (recording-rule groups are not alerts). */
const notified: Rule = {
  id: 'AKS-MON-006',
  title: 'Every alert notifies an action group',
  severity: 'warning',
  area: 'monitoring',
  seed: 'Production checklist / 모니터링: 알림 규칙 설정 (an alert nobody receives is no alert)',
  remedy: 'Set cluster.monitoring.alerts.emailReceivers or cluster.monitoring.alerts.actionGroupId: the Prometheus rule groups and the platform alerts (observability.alerts) notify that action group.',
  check(env): Outcome[] {
    const alerts = [
      ...env.ofType('azurerm_monitor_metric_alert', 'azurerm_monitor_activity_log_alert').map((r) => [r, blocks(r.attrs, 'action').length > 0] as const),
      ...env.ofType('azurerm_monitor_scheduled_query_rules_alert_v2').map((r) => [r, attr(r.attrs, 'action.action_groups') !== undefined] as const),
      ...env
        .ofType('azurerm_monitor_alert_prometheus_rule_group')
        .filter((r) => blocks(r.attrs, 'rule').some((rule) => rule.alert !== undefined))
        .map((r) => [r, blocks(r.attrs, 'rule').filter((rule) => rule.alert !== undefined).every((rule) => blocks(rule, 'action').length > 0)] as const),
    ];
    if (alerts.length === 0) return [{ address: homeAddress(env, 'infra'), status: 'not-applicable', detail: 'no alert resources' }];
    return alerts.map(([r, ok]) => outcome(r, ok, ok ? 'notifies an action group' : 'no action group: the alert fires without notifying anyone'));
  },
};

export const monitoringRules = [
  resourceRule({
    ...CLUSTER,
    id: 'AKS-MON-001',
    title: 'Container Insights (oms_agent) enabled',
    severity: 'error',
    seed: 'Production checklist / 모니터링: Azure Monitor Container Insights 활성화; 1. Azure Monitor 통합: --addons monitoring',
    scanners: ['CKV_AZURE_4', 'AVD-AZU-0040'],
    remedy: "Keep cluster.monitoring.containerInsights: true (the default): the cluster gets an oms_agent block with a Log Analytics workspace.",
    test: (r) => {
      const ws = attr(r.attrs, 'oms_agent.log_analytics_workspace_id');
      return [ws !== undefined && ws !== '', `oms_agent.log_analytics_workspace_id = ${show(ws)}`];
    },
  }),
  resourceRule({
    ...CLUSTER,
    id: 'AKS-MON-002',
    title: 'Container Insights authenticates with managed identity',
    severity: 'info',
    seed: '1. Azure Monitor 통합 (managed identity auth is the current Container Insights mode)',
    remedy: "Container Insights always authenticates with managed identity when cluster.monitoring.containerInsights is on (no platform.yaml setting turns MSI auth off).",
    test: (r) => {
      if (attr(r.attrs, 'oms_agent') === undefined) return [false, 'no oms_agent block'];
      const v = attr(r.attrs, 'oms_agent.msi_auth_for_monitoring_enabled');
      return [isTrue(v), `oms_agent.msi_auth_for_monitoring_enabled = ${show(v)}`];
    },
  }),
  diagnostics,
  resourceRule({
    ...CLUSTER,
    id: 'AKS-MON-004',
    title: 'Managed Prometheus metrics enabled',
    severity: 'warning',
    seed: 'Production checklist / 모니터링: Prometheus/Grafana 구성; 2. Managed Prometheus: --enable-azure-monitor-metrics',
    remedy: "Keep cluster.monitoring.prometheus: true (the default): the cluster gets a monitor_metrics block.",
    test: (r) => {
      const v = r.attrs.monitor_metrics;
      return [v !== undefined && v !== null, `monitor_metrics ${v === undefined ? 'unset' : 'set'}`];
    },
  }),
  presenceRule({
    area: 'monitoring',
    home: 'infra',
    id: 'AKS-MON-005',
    title: 'Alert rules defined',
    severity: 'info',
    seed: 'Production checklist / 모니터링: 알림 규칙 설정',
    remedy: 'Keep cluster.monitoring.alerts.enabled: true with cluster.monitoring.prometheus: true (the recommended AKS Prometheus rule groups), and set cluster.monitoring.alerts.emailReceivers or cluster.monitoring.alerts.actionGroupId so the alerts notify someone.',
    // Prometheus rule groups count when they hold alerting rules (recording-rule groups alert nobody).
    find: (env) => [
      ...env.ofType('azurerm_monitor_metric_alert', 'azurerm_monitor_scheduled_query_rules_alert_v2', 'azurerm_monitor_activity_log_alert'),
      ...env.ofType('azurerm_monitor_alert_prometheus_rule_group').filter((r) => blocks(r.attrs, 'rule').some((rule) => rule.alert !== undefined)),
    ],
    missing: 'no azurerm_monitor_* alert resource in the infra stack',
  }),
  notified,
];
