import { all, only, problemsWith, stack, type StackJson } from '../helpers/synth';
import { byPath, ref } from '../helpers/terraform';
import { RECOMMENDED_RECORDING_RULES } from '../../lib/constructs/prometheus-recording-rules';

const prod = (observability: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ environments: { prod: { observability, ...extra } } });
const dcr = (s: StackJson) => byPath(s, 'azurerm_monitor_data_collection_rule', 'container-insights/rule').body;
const settings = (s: StackJson) => JSON.parse(dcr(s).data_sources.extension[0].extension_json).dataCollectionSettings;
const GUID = (n: number) => `${n}${n}${n}${n}${n}${n}${n}${n}-0000-4000-8000-000000000000`;

describe('Container Insights collection from config', () => {
  test('defaults: the default stream group every minute, all namespaces, ContainerLogV2', () => {
    const s = stack('prod-infra');
    expect(dcr(s).data_flow[0].streams).toEqual(['Microsoft-ContainerInsights-Group-Default']);
    expect(settings(s)).toEqual({ interval: '1m', namespaceFilteringMode: 'Off', enableContainerLogV2: true });
    expect(all(s, 'azurerm_log_analytics_workspace_table')).toEqual({});
  });

  test('streams, interval, namespace filter and ContainerLogV2 reach the data collection rule', () => {
    const s = stack('prod-infra', prod({ containerInsights: { streams: ['Microsoft-ContainerLogV2', 'Microsoft-KubeEvents'], interval: '5m', namespaceFilter: { mode: 'Exclude', namespaces: ['kube-system'] }, containerLogV2: false } }));
    expect(dcr(s).data_flow[0].streams).toEqual(['Microsoft-ContainerLogV2', 'Microsoft-KubeEvents']);
    expect(dcr(s).data_sources.extension[0].streams).toEqual(['Microsoft-ContainerLogV2', 'Microsoft-KubeEvents']);
    expect(settings(s)).toEqual({ interval: '5m', namespaceFilteringMode: 'Exclude', namespaces: ['kube-system'], enableContainerLogV2: false });
  });

  test('the ContainerLogV2 table plan and retention', () => {
    const s = stack('prod-infra', prod({ containerInsights: { containerLogTable: { plan: 'Basic', totalRetentionDays: 365 } } }));
    expect(byPath(s, 'azurerm_log_analytics_workspace_table', 'container-insights/container-log-v2').body).toMatchObject({
      name: 'ContainerLogV2', plan: 'Basic', total_retention_in_days: 365, workspace_id: expect.stringContaining('azurerm_log_analytics_workspace.'),
    });
    const analytics = byPath(stack('prod-infra', prod({ containerInsights: { containerLogTable: { retentionDays: 60 } } })), 'azurerm_log_analytics_workspace_table', 'container-insights/container-log-v2').body;
    expect(analytics).toMatchObject({ plan: 'Analytics', retention_in_days: 60 });
  });

  test('refused: a filter without namespaces, Basic without ContainerLogV2, Basic with interactive retention', () => {
    expect(problemsWith(prod({ containerInsights: { namespaceFilter: { mode: 'Include' } } }))).toContainEqual(expect.stringMatching(/observability\.containerInsights\.namespaceFilter\.namespaces: is empty with mode Include/));
    expect(problemsWith(prod({ containerInsights: { containerLogV2: false, containerLogTable: { plan: 'Basic' } } }))).toContainEqual(expect.stringMatching(/containerLogTable\.plan: Basic needs observability\.containerInsights\.containerLogV2/));
    expect(problemsWith(prod({ containerInsights: { containerLogTable: { plan: 'Basic', retentionDays: 30 } } }))).toContainEqual(expect.stringMatching(/containerLogTable\.retentionDays: cannot be set on a Basic table/));
  });
});

describe('Managed Prometheus extras', () => {
  test('the recommended node and Kubernetes recording rule groups on the workspace and cluster', () => {
    const s = stack('prod-infra');
    const node = byPath(s, 'azurerm_monitor_alert_prometheus_rule_group', 'recording-rules/node').body;
    const k8s = byPath(s, 'azurerm_monitor_alert_prometheus_rule_group', 'recording-rules/kubernetes').body;
    expect(node.rule.map((r: { record: string }) => r.record)).toEqual(RECOMMENDED_RECORDING_RULES.node.map((r) => r.record));
    expect(node.rule).toContainEqual(expect.objectContaining({ record: 'instance:node_num_cpu:sum', expression: 'count without (cpu, mode) (node_cpu_seconds_total{job="node",mode="idle"})' }));
    expect(k8s.rule).toContainEqual(expect.objectContaining({ record: 'namespace_workload_pod:kube_pod_owner:relabel', labels: { workload_type: 'statefulset' } }));
    expect(k8s.scopes).toEqual([expect.stringContaining('azurerm_monitor_workspace.'), expect.stringContaining('azurerm_kubernetes_cluster.')]);
  });

  test('recording rules can be removed', () => {
    expect(() => byPath(stack('prod-infra', prod({ prometheus: { recordingRules: false } })), 'azurerm_monitor_alert_prometheus_rule_group', 'recording-rules/node')).toThrow(/found 0/);
  });

  test('without allow-lists monitor_metrics stays an empty block (which is what turns the metrics profile on)', () => {
    expect(only(stack('prod-infra'), 'azurerm_kubernetes_cluster').monitor_metrics).toEqual({});
  });

  test('kube-state-metrics allow-lists reach monitor_metrics', () => {
    const c = only(stack('prod-infra', prod({ prometheus: { labelsAllowlist: 'namespaces=[team],pods=[app]', annotationsAllowlist: 'namespaces=[owner]' } })), 'azurerm_kubernetes_cluster');
    expect(c.monitor_metrics).toEqual({ labels_allowed: 'namespaces=[team],pods=[app]', annotations_allowed: 'namespaces=[owner]' });
  });

  test('an existing Azure Monitor workspace is where the recording rules run', () => {
    const amw = '/subscriptions/1/resourceGroups/rg-mon/providers/Microsoft.Monitor/accounts/amw-central';
    const s = stack('prod-infra', { environments: { prod: { cluster: { monitoring: { existingMonitorWorkspaceId: amw } } } } });
    expect(byPath(s, 'azurerm_monitor_alert_prometheus_rule_group', 'recording-rules/node').body.scopes[0]).toBe(amw);
    expect(all(s, 'azurerm_monitor_workspace')).toEqual({});
  });
});

describe('recommended platform alerts', () => {
  const s = stack('prod-infra');
  const ag = () => ref('azurerm_monitor_action_group', byPath(s, 'azurerm_monitor_action_group', 'alerts/action-group').name, 'id');

  test('per-node CPU, memory and disk metric alerts notify the shared action group', () => {
    const cpu = byPath(s, 'azurerm_monitor_metric_alert', 'platform-alerts/node-cpu').body;
    expect(cpu).toMatchObject({
      scopes: [expect.stringContaining('azurerm_kubernetes_cluster.')],
      severity: 2,
      window_size: 'PT15M',
      criteria: [{ metric_namespace: 'Microsoft.ContainerService/managedClusters', metric_name: 'node_cpu_usage_percentage', aggregation: 'Average', operator: 'GreaterThan', threshold: 90, dimension: [{ name: 'node', operator: 'Include', values: ['*'] }] }],
      action: [{ action_group_id: ag() }],
    });
    expect(byPath(s, 'azurerm_monitor_metric_alert', 'platform-alerts/node-memory').body.criteria[0].metric_name).toBe('node_memory_working_set_percentage');
    expect(byPath(s, 'azurerm_monitor_metric_alert', 'platform-alerts/node-disk').body.criteria[0]).toMatchObject({ metric_name: 'node_disk_usage_percentage', threshold: 85 });
    expect(Object.keys(all(s, 'azurerm_monitor_action_group'))).toHaveLength(1);
  });

  test('pod restarts and not-ready nodes are log alerts on the cluster; the daily cap on the workspace', () => {
    const restarts = byPath(s, 'azurerm_monitor_scheduled_query_rules_alert_v2', 'platform-alerts/query-pod-restarts').body;
    expect(restarts.criteria[0].query).toContain('| where Restarts > 5');
    expect(restarts.scopes).toEqual([expect.stringContaining('azurerm_kubernetes_cluster.')]);
    expect(restarts.action).toEqual({ action_groups: [ag()] });
    expect(byPath(s, 'azurerm_monitor_scheduled_query_rules_alert_v2', 'platform-alerts/query-not-ready-nodes').body).toMatchObject({ severity: 1, criteria: [expect.objectContaining({ operator: 'GreaterThan', threshold: 0 })] });
    const cap = byPath(s, 'azurerm_monitor_scheduled_query_rules_alert_v2', 'platform-alerts/query-daily-cap').body;
    expect(cap.scopes).toEqual([expect.stringContaining('azurerm_log_analytics_workspace.')]);
    expect(cap.criteria[0].query).toContain('OverQuota');
  });

  test('Resource Health on the cluster and Advisor on the resource group are activity-log alerts', () => {
    expect(byPath(s, 'azurerm_monitor_activity_log_alert', 'platform-alerts/api-server').body).toMatchObject({
      location: 'global', scopes: [expect.stringContaining('azurerm_kubernetes_cluster.')], criteria: { category: 'ResourceHealth', resource_health: { current: ['Degraded', 'Unavailable'] } },
    });
    expect(byPath(s, 'azurerm_monitor_activity_log_alert', 'platform-alerts/advisor').body).toMatchObject({
      scopes: [expect.stringContaining('azurerm_resource_group.')], criteria: { category: 'Recommendation', operation_name: 'Microsoft.Advisor/recommendations/available/action' },
    });
  });

  test('each alert is tunable or removable, and custom query alerts are added', () => {
    const t = stack('prod-infra', prod({ alerts: { nodeCpu: { threshold: 75, severity: 1 }, advisor: { enabled: false }, queries: { 'oom-kills': { query: 'KubeEvents | where Reason == "OOMKilling"', severity: 2 } } } }));
    expect(byPath(t, 'azurerm_monitor_metric_alert', 'platform-alerts/node-cpu').body).toMatchObject({ severity: 1, criteria: [expect.objectContaining({ threshold: 75 })] });
    expect(() => byPath(t, 'azurerm_monitor_activity_log_alert', 'platform-alerts/advisor')).toThrow(/found 0/);
    expect(byPath(t, 'azurerm_monitor_scheduled_query_rules_alert_v2', 'platform-alerts/query-oom-kills').body).toMatchObject({ severity: 2, criteria: [expect.objectContaining({ query: 'KubeEvents | where Reason == "OOMKilling"', time_aggregation_method: 'Count' })] });
  });

  test('the development preset has none', () => {
    expect(all(stack('dev-infra'), 'azurerm_monitor_metric_alert')).toEqual({});
  });

  test('an alert without a receiver is refused: the set turned on explicitly, or a query alert', () => {
    const none = { cluster: { monitoring: { alerts: { emailReceivers: [] } } } };
    expect(problemsWith(prod({ alerts: { enabled: true } }, none))).toContainEqual(
      expect.stringMatching(/environments\.prod\.observability\.alerts\.enabled: the recommended platform alerts would notify nobody .*allowed cluster\.monitoring\.alerts\.emailReceivers or cluster\.monitoring\.alerts\.actionGroupId/),
    );
    expect(problemsWith(prod({ alerts: { queries: { oom: { query: 'KubeEvents' } } } }, none))).toContainEqual(expect.stringMatching(/observability\.alerts\.queries\.oom: an alert with no receiver would notify nobody/));
  });

  test('by default the set follows the receivers: none named, no platform alerts', () => {
    const t = stack('prod-infra', { environments: { prod: { cluster: { monitoring: { alerts: { emailReceivers: [] } } } } } });
    expect(all(t, 'azurerm_monitor_metric_alert')).toEqual({});
    expect(all(t, 'azurerm_monitor_activity_log_alert')).toEqual({});
  });

  test('without managed Prometheus the platform alerts create the action group themselves', () => {
    const t = stack('prod-infra', { environments: { prod: { cluster: { monitoring: { prometheus: false } } } } });
    const group = byPath(t, 'azurerm_monitor_action_group', 'platform-alerts/action-group');
    expect(group.body.email_receiver).toEqual([expect.objectContaining({ email_address: 'ops@example.com' })]);
    expect(byPath(t, 'azurerm_monitor_metric_alert', 'platform-alerts/node-cpu').body.action).toEqual([{ action_group_id: ref('azurerm_monitor_action_group', group.name, 'id') }]);
  });
});

describe('Managed Grafana and Event Grid', () => {
  const s = stack('prod-infra', prod({
    grafana: { enabled: true, admins: [GUID(1)], viewers: [GUID(2)] },
    eventGrid: { enabled: true, webhookUrl: 'https://hooks.example.com/aks' },
  }));

  test('Grafana reads the Azure Monitor workspace with Monitoring Data Reader; admins and viewers from config', () => {
    const g = byPath(s, 'azurerm_monitor_workspace', 'prometheus/workspace').name;
    const grafana = byPath(s, 'azurerm_dashboard_grafana', 'grafana/grafana');
    expect(grafana.body).toMatchObject({ name: 'amg-demo-prod', api_key_enabled: false, zone_redundancy_enabled: true, identity: { type: 'SystemAssigned' }, azure_monitor_workspace_integrations: [{ resource_id: ref('azurerm_monitor_workspace', g, 'id') }] });
    expect(byPath(s, 'azurerm_role_assignment', 'grafana/monitoring-data-reader-0').body).toMatchObject({ role_definition_name: 'Monitoring Data Reader', scope: ref('azurerm_monitor_workspace', g, 'id'), principal_id: ref('azurerm_dashboard_grafana', grafana.name, 'identity[0].principal_id') });
    expect(byPath(s, 'azurerm_role_assignment', `grafana/admin-${GUID(1)}`).body).toMatchObject({ role_definition_name: 'Grafana Admin', principal_id: GUID(1), principal_type: 'Group', scope: ref('azurerm_dashboard_grafana', grafana.name, 'id') });
    expect(byPath(s, 'azurerm_role_assignment', `grafana/viewer-${GUID(2)}`).body.role_definition_name).toBe('Grafana Viewer');
  });

  test('an Event Grid system topic on the cluster with a webhook subscription for upgrade events', () => {
    const topic = byPath(s, 'azurerm_eventgrid_system_topic', 'cluster-events/topic');
    expect(topic.body).toMatchObject({ topic_type: 'Microsoft.ContainerService.ManagedClusters', source_resource_id: expect.stringContaining('azurerm_kubernetes_cluster.') });
    expect(byPath(s, 'azurerm_eventgrid_system_topic_event_subscription', 'cluster-events/subscription').body).toMatchObject({
      system_topic: ref('azurerm_eventgrid_system_topic', topic.name, 'name'),
      webhook_endpoint: { url: 'https://hooks.example.com/aks' },
      included_event_types: ['Microsoft.ContainerService.NewKubernetesVersionAvailable', 'Microsoft.ContainerService.ClusterSupportEnding', 'Microsoft.ContainerService.ClusterSupportEnded'],
    });
  });

  test('refused: Grafana without Prometheus, Event Grid without a webhook or with credentials in it', () => {
    expect(problemsWith(prod({ grafana: { enabled: true } }, { cluster: { monitoring: { prometheus: false } } }))).toContainEqual(expect.stringMatching(/observability\.grafana\.enabled: Managed Grafana needs an Azure Monitor workspace/));
    expect(problemsWith(prod({ eventGrid: { enabled: true } }))).toContainEqual(expect.stringMatching(/observability\.eventGrid\.webhookUrl: is required/));
    expect(problemsWith(prod({ eventGrid: { enabled: true, webhookUrl: 'https://user:secret@hooks.example.com/aks' } }))).toContainEqual(expect.stringMatching(/observability\.eventGrid\.webhookUrl: .*allowed an https URL without credentials/));
  });
});
