/**
 * Observability beyond the cluster's monitoring add-ons (`cluster.monitoring`): what Container Insights collects,
 * the ContainerLogV2 table, Prometheus recording rules and metric allow-lists, the recommended platform alerts,
 * Managed Grafana and the cluster's Event Grid events.
 */
import { z } from 'zod';
import { CONTAINER_INSIGHTS_STREAMS, CLUSTER_EVENT_TYPES, NAMESPACE_FILTER_MODES } from '../../enums';
import { guid, pattern } from './common';

const k8sName = pattern(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'a Kubernetes namespace name (lowercase letters, digits and hyphens)');

/** Container Insights' data collection rule (`az aks enable-addons -a monitoring --data-collection-settings`). */
const containerInsightsSchema = z.strictObject({
  streams: z
    .array(z.enum(CONTAINER_INSIGHTS_STREAMS))
    .min(1)
    .default(['Microsoft-ContainerInsights-Group-Default'])
    .describe('Streams collected: the default group, or single tables (e.g. Microsoft-ContainerLogV2 and Microsoft-KubeEvents for a logs-only profile). Default: Microsoft-ContainerInsights-Group-Default.'),
  interval: pattern(/^([1-9]|[12]\d|30)m$/, 'minutes between 1m and 30m, such as 5m').default('1m').describe('Collection interval (`interval`), 1m-30m. Default: 1m.'),
  namespaceFilter: z
    .strictObject({
      mode: z.enum(NAMESPACE_FILTER_MODES).default('Off').describe('Off collects every namespace; Include only the listed ones; Exclude all but the listed ones (`namespaceFilteringMode`). Default: Off.'),
      namespaces: z.array(k8sName).default([]).describe('Namespaces for Include or Exclude (`namespaces`). Default: none.'),
    })
    .prefault({})
    .describe('Which namespaces are collected (applies to ContainerLogV2, KubeEvents, KubePodInventory and perf data).'),
  containerLogV2: z.boolean().default(true).describe('Container logs in the ContainerLogV2 schema (`enableContainerLogV2`); false writes the legacy ContainerLog table. Default: true.'),
  containerLogTable: z
    .strictObject({
      plan: z.enum(['Analytics', 'Basic']).default('Analytics').describe('Table plan of ContainerLogV2: Basic is cheaper to ingest, with limited queries and no alerts (`plan`). Default: Analytics.'),
      retentionDays: z.int().min(4).max(730).optional().describe('Interactive retention of ContainerLogV2 in days (`retention_in_days`; Basic tables keep 30). Default: the workspace retention.'),
      totalRetentionDays: z.int().min(4).max(4383).optional().describe('Total retention including the archive, in days (`total_retention_in_days`). Default: the interactive retention.'),
    })
    .optional()
    .describe('Manage the ContainerLogV2 table (`azurerm_log_analytics_workspace_table`). Default: not managed (Analytics, workspace retention).'),
});

/** Managed Prometheus extras: recording rules and the kube-state-metrics allow-lists (`monitor_metrics`). */
const prometheusSchema = z.strictObject({
  recordingRules: z
    .boolean()
    .default(true)
    .describe('The recommended node and Kubernetes recording rule groups (what the Azure Monitor dashboards read). Default: true.'),
  labelsAllowlist: pattern(/^[a-z]+=\[[^\]]*\](,[a-z]+=\[[^\]]*\])*$/, 'resource=[label,...] pairs such as namespaces=[team],pods=[app]')
    .optional()
    .describe('Extra Kubernetes labels kube-state-metrics exports (`monitor_metrics.labels_allowed`). Default: none.'),
  annotationsAllowlist: pattern(/^[a-z]+=\[[^\]]*\](,[a-z]+=\[[^\]]*\])*$/, 'resource=[annotation,...] pairs such as namespaces=[owner]')
    .optional()
    .describe('Kubernetes annotations kube-state-metrics exports (`monitor_metrics.annotations_allowed`). Default: none.'),
});

/** A recommended alert with a threshold. */
const thresholdAlert = (threshold: number, severity: number, what: string) =>
  z
    .strictObject({
      enabled: z.boolean().default(true).describe('Create this alert. Default: true.'),
      threshold: z.number().min(0).default(threshold).describe(`${what}. Default: ${threshold}.`),
      severity: z.int().min(0).max(4).default(severity).describe(`Azure Monitor severity, 0 (critical) to 4 (verbose). Default: ${severity}.`),
    })
    .prefault({});

/** A recommended alert on an event (no threshold). */
const eventAlert = (severity: number) =>
  z
    .strictObject({
      enabled: z.boolean().default(true).describe('Create this alert. Default: true.'),
      severity: z.int().min(0).max(4).default(severity).describe(`Azure Monitor severity, 0 (critical) to 4 (verbose); log-based alerts only. Default: ${severity}.`),
    })
    .prefault({});

/** A scheduled log query alert of the user's own, on the platform's Log Analytics workspace. */
const queryAlertSchema = z.strictObject({
  query: z.string().min(1).describe('KQL over the workspace; the alert fires when the row count (or measureColumn) crosses the threshold. Required.'),
  measureColumn: z.string().optional().describe('Numeric column to aggregate instead of counting rows (`metric_measure_column`). Default: row count.'),
  operator: z.enum(['GreaterThan', 'GreaterThanOrEqual', 'LessThan', 'LessThanOrEqual', 'Equal']).default('GreaterThan').describe('Comparison with threshold. Default: GreaterThan.'),
  threshold: z.number().default(0).describe('Threshold. Default: 0.'),
  severity: z.int().min(0).max(4).default(3).describe('Azure Monitor severity 0-4. Default: 3.'),
  frequency: pattern(/^PT([1-9]|[1-5]\d)M$|^PT1H$/, 'PT1M to PT1H such as PT5M').default('PT5M').describe('Evaluation frequency. Default: PT5M.'),
  window: pattern(/^PT\d+[MH]$|^P[12]D$/, 'an ISO 8601 duration such as PT15M').default('PT15M').describe('Query time window. Default: PT15M.'),
});

/** Azure Monitor alerts on the platform (metric, log and activity-log alerts) and who they notify. */
const alertsSchema = z.strictObject({
  enabled: z
    .boolean()
    .optional()
    .describe('The recommended platform alerts below. They notify cluster.monitoring.alerts (emailReceivers or actionGroupId): true without a receiver is refused. Default: on when cluster.monitoring.alerts names a receiver (the development preset sets false).'),
  nodeCpu: thresholdAlert(90, 2, 'Average node CPU usage percentage over 15 minutes (metric node_cpu_usage_percentage)'),
  nodeMemory: thresholdAlert(90, 2, 'Average node memory working set percentage over 15 minutes (metric node_memory_working_set_percentage)'),
  nodeDisk: thresholdAlert(85, 2, 'Average node disk usage percentage over 15 minutes (metric node_disk_usage_percentage)'),
  podRestarts: thresholdAlert(5, 3, 'Container restarts per pod in 15 minutes (log alert on KubePodInventory; needs Container Insights)'),
  notReadyNodes: thresholdAlert(0, 1, 'Nodes not Ready for 15 minutes (log alert on KubeNodeInventory; needs Container Insights)'),
  apiServer: eventAlert(1).describe('Cluster Resource Health Degraded or Unavailable (activity-log alert): the API server is not available.'),
  advisor: eventAlert(3).describe('New Azure Advisor recommendations for the resource group (activity-log alert).'),
  dailyCap: eventAlert(2).describe('Log Analytics stopped ingesting because the daily cap was reached (log alert on _LogOperation).'),
  queries: z
    .record(pattern(/^[a-z][a-z0-9-]{0,39}$/, '1-40 lowercase letters, digits and hyphens, starting with a letter'), queryAlertSchema)
    .default({})
    .describe('Your own scheduled log query alerts by name, on the platform workspace. Default: none.'),
});

/** Azure Managed Grafana reading the Azure Monitor workspace. */
const grafanaSchema = z.strictObject({
  enabled: z.boolean().default(false).describe('Create a Managed Grafana (`azurerm_dashboard_grafana`) linked to the Azure Monitor workspace (needs cluster.monitoring.prometheus). Default: false.'),
  name: z.string().optional().describe('Grafana name, 2-23 letters, digits and hyphens. Default: grafana-<project>-<environment>.'),
  majorVersion: z.enum(['11']).default('11').describe('Grafana major version (Azure Managed Grafana retired 9 and 10). Forces replacement. Default: 11.'),
  zoneRedundancy: z.boolean().default(true).describe('Zone-redundant instance. Forces replacement. Default: true.'),
  publicNetworkAccess: z.boolean().default(true).describe('Public endpoint (sign-in is Entra ID either way). Default: true.'),
  admins: z.array(guid).default([]).describe('Entra ID object IDs (users or groups) granted Grafana Admin. Default: none.'),
  editors: z.array(guid).default([]).describe('Object IDs granted Grafana Editor. Default: none.'),
  viewers: z.array(guid).default([]).describe('Object IDs granted Grafana Viewer. Default: none.'),
  principalType: z.enum(['User', 'Group']).default('Group').describe('What the object IDs above are. Default: Group.'),
});

/** The cluster's Event Grid system topic and one subscription. */
const eventGridSchema = z.strictObject({
  enabled: z.boolean().default(false).describe('Create an Event Grid system topic for the cluster (`Microsoft.ContainerService.ManagedClusters`) with a subscription. Default: false.'),
  webhookUrl: pattern(/^https:\/\/[^\s:@/]+(:\d+)?(\/[^\s@]*)?$/, 'an https URL without credentials, such as https://hooks.example.com/aks')
    .optional()
    .describe('Where events are delivered (`webhook_endpoint.url`). Required when enabled. Keep secrets out of it: the URL lands in the Terraform output.'),
  eventTypes: z
    .array(z.enum(CLUSTER_EVENT_TYPES))
    .default(['Microsoft.ContainerService.NewKubernetesVersionAvailable', 'Microsoft.ContainerService.ClusterSupportEnding', 'Microsoft.ContainerService.ClusterSupportEnded'])
    .describe('Event types delivered. Default: new Kubernetes versions and support ending/ended.'),
});

export const observabilitySchema = z.strictObject({
  containerInsights: containerInsightsSchema.prefault({}).describe('What Container Insights collects (with cluster.monitoring.containerInsights).'),
  prometheus: prometheusSchema.prefault({}).describe('Managed Prometheus recording rules and allow-lists (with cluster.monitoring.prometheus).'),
  alerts: alertsSchema.prefault({}).describe('Recommended Azure Monitor alerts on the platform, each tunable or removable.'),
  grafana: grafanaSchema.prefault({}).describe('Azure Managed Grafana.'),
  eventGrid: eventGridSchema.prefault({}).describe('Cluster events (upgrades, new versions) to a webhook through Event Grid.'),
});

export type ObservabilityConfig = z.output<typeof observabilitySchema>;
