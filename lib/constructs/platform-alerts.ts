import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { MonitorActionGroup } from '@cdktf/provider-azurerm/lib/monitor-action-group';
import { MonitorActivityLogAlert } from '@cdktf/provider-azurerm/lib/monitor-activity-log-alert';
import { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import { MonitorScheduledQueryRulesAlertV2 } from '@cdktf/provider-azurerm/lib/monitor-scheduled-query-rules-alert-v2';

/** A recommended alert's tunables. */
export interface AlertThreshold {
  /** Fire above this value. */
  readonly threshold: number;
  /** Azure Monitor severity, 0 (critical) to 4 (verbose). */
  readonly severity: number;
}

/** A scheduled log query alert. */
export interface QueryAlert {
  /** KQL. */
  readonly query: string;
  /** Aggregate this numeric column (Maximum) instead of counting rows. @default row count */
  readonly measureColumn?: string;
  /** @default 'GreaterThan' */
  readonly operator?: 'GreaterThan' | 'GreaterThanOrEqual' | 'LessThan' | 'LessThanOrEqual' | 'Equal';
  /** @default 0 */
  readonly threshold?: number;
  /** @default 3 */
  readonly severity?: number;
  /** Evaluation frequency (ISO 8601). @default 'PT5M' */
  readonly frequency?: string;
  /** Query window (ISO 8601). @default 'PT15M' */
  readonly window?: string;
}

export interface PlatformAlertsProps {
  /** The cluster's name: alert names end in it. */
  readonly clusterName: string;
  /** The cluster's resource ID: the scope of metric, cluster log and resource-health alerts. */
  readonly clusterId: string;
  readonly resourceGroupName: string;
  /** The resource group's ID: the scope of the Advisor alert. */
  readonly resourceGroupId: string;
  readonly location: string;
  /** Log Analytics workspace: the scope of the daily-cap alert and of `queries`. */
  readonly logAnalyticsWorkspaceId: string;
  /** Notify this action group. Mutually exclusive with `emailReceivers`. @default - create one from emailReceivers */
  readonly actionGroupId?: string;
  /** Addresses of a created action group `ag-<cluster>`. @default [] (alerts notify nobody) */
  readonly emailReceivers?: readonly string[];
  /** Average node CPU % (metric `node_cpu_usage_percentage`, per node). @default - no alert */
  readonly nodeCpu?: AlertThreshold;
  /** Average node memory working set % (`node_memory_working_set_percentage`, per node). @default - no alert */
  readonly nodeMemory?: AlertThreshold;
  /** Average node disk usage % (`node_disk_usage_percentage`, per node). @default - no alert */
  readonly nodeDisk?: AlertThreshold;
  /** Container restarts per pod in 15 minutes (KubePodInventory; needs Container Insights). @default - no alert */
  readonly podRestarts?: AlertThreshold;
  /** Nodes not Ready (KubeNodeInventory; needs Container Insights). @default - no alert */
  readonly notReadyNodes?: AlertThreshold;
  /** Cluster Resource Health Degraded or Unavailable (activity log). @default false */
  readonly apiServer?: boolean;
  /** New Advisor recommendations for the resource group (activity log). @default false */
  readonly advisor?: boolean;
  /** The workspace's daily cap was reached (`_LogOperation`); the value is the severity. @default - no alert */
  readonly dailyCapSeverity?: number;
  /** Scheduled log query alerts of your own, by name. @default {} */
  readonly queries?: Readonly<Record<string, QueryAlert>>;
  /** Tags. @default {} */
  readonly tags?: Record<string, string>;
}

const METRIC_NAMESPACE = 'Microsoft.ContainerService/managedClusters';

/**
 * Azure Monitor alerts on the platform itself (beside the Prometheus rule groups): node metric alerts, Container
 * Insights log alerts, Resource Health and Advisor activity-log alerts, the Log Analytics daily-cap alert and any
 * query alerts of your own, all notifying one action group.
 */
export class PlatformAlerts extends Construct {
  /** The action group, when this construct created it. */
  readonly actionGroup?: MonitorActionGroup;
  /** The action group every alert notifies, if any. */
  readonly actionGroupId?: string;
  readonly metricAlerts: Record<string, MonitorMetricAlert> = {};
  readonly queryAlerts: Record<string, MonitorScheduledQueryRulesAlertV2> = {};
  readonly activityLogAlerts: Record<string, MonitorActivityLogAlert> = {};
  private readonly props: PlatformAlertsProps;

  constructor(scope: Construct, id: string, props: PlatformAlertsProps) {
    super(scope, id);
    this.props = props;
    const emails = props.emailReceivers ?? [];
    if (props.actionGroupId && emails.length > 0) throw new Error('PlatformAlerts: emailReceivers and actionGroupId are mutually exclusive');
    if (props.actionGroupId) {
      this.actionGroupId = props.actionGroupId;
    } else if (emails.length > 0) {
      this.actionGroup = new MonitorActionGroup(this, 'action-group', {
        name: `ag-${props.clusterName}`,
        resourceGroupName: props.resourceGroupName,
        shortName: 'aks-alerts',
        emailReceiver: emails.map((address, i) => ({ name: `email-${i + 1}`, emailAddress: address, useCommonAlertSchema: true })),
        tags: props.tags ?? {},
      });
      this.actionGroupId = this.actionGroup.id;
    }
    const metrics = { 'node-cpu': [props.nodeCpu, 'node_cpu_usage_percentage'], 'node-memory': [props.nodeMemory, 'node_memory_working_set_percentage'], 'node-disk': [props.nodeDisk, 'node_disk_usage_percentage'] } as const;
    for (const [name, [t, metric]] of Object.entries(metrics)) if (t) this.addNodeMetricAlert(name, metric, t);
    if (props.podRestarts) {
      this.addQueryAlert('pod-restarts', props.clusterId, {
        query: `KubePodInventory\n| summarize Restarts = max(ContainerRestartCount) - min(ContainerRestartCount) by Namespace, Name\n| where Restarts > ${num(props.podRestarts.threshold)}`,
        severity: props.podRestarts.severity,
      });
    }
    if (props.notReadyNodes) {
      this.addQueryAlert('not-ready-nodes', props.clusterId, {
        query: 'KubeNodeInventory\n| summarize arg_max(TimeGenerated, Status) by Computer\n| where Status != "Ready"',
        threshold: props.notReadyNodes.threshold,
        severity: props.notReadyNodes.severity,
      });
    }
    if (props.dailyCapSeverity !== undefined) {
      this.addQueryAlert('daily-cap', props.logAnalyticsWorkspaceId, {
        // The workspace logs an Ingestion operation with OverQuota when the daily cap stops collection.
        query: '_LogOperation\n| where Category =~ "Ingestion"\n| where Detail has "OverQuota"',
        severity: props.dailyCapSeverity,
        window: 'PT1H',
        frequency: 'PT15M',
      });
    }
    for (const [name, q] of Object.entries(props.queries ?? {})) this.addQueryAlert(name, props.logAnalyticsWorkspaceId, q);
    if (props.apiServer) {
      this.addActivityLogAlert('api-server', props.clusterId, 'Cluster Resource Health is Degraded or Unavailable (API server not available).', {
        category: 'ResourceHealth',
        resourceHealth: { current: ['Degraded', 'Unavailable'] },
      });
    }
    if (props.advisor) {
      this.addActivityLogAlert('advisor', props.resourceGroupId, 'New Azure Advisor recommendations for the platform resource group.', {
        category: 'Recommendation',
        operationName: 'Microsoft.Advisor/recommendations/available/action',
      });
    }
  }

  private get actions() {
    return this.actionGroupId ? [{ actionGroupId: this.actionGroupId }] : undefined;
  }

  /** A per-node metric alert on an AKS platform metric (average over 15 minutes, evaluated every 5). */
  addNodeMetricAlert(name: string, metric: string, t: AlertThreshold): MonitorMetricAlert {
    checkSeverity(name, t.severity);
    const p = this.props;
    return (this.metricAlerts[name] = new MonitorMetricAlert(this, name, {
      name: `${name}-${p.clusterName}`,
      resourceGroupName: p.resourceGroupName,
      scopes: [p.clusterId],
      description: `${metric} above ${t.threshold} on a node of ${p.clusterName}`,
      severity: t.severity,
      frequency: 'PT5M',
      windowSize: 'PT15M',
      criteria: [{ metricNamespace: METRIC_NAMESPACE, metricName: metric, aggregation: 'Average', operator: 'GreaterThan', threshold: t.threshold, dimension: [{ name: 'node', operator: 'Include', values: ['*'] }] }],
      action: this.actions,
      tags: p.tags ?? {},
    }));
  }

  /** A scheduled log query alert on `scope` (a workspace, or the cluster for its resource-context tables). */
  addQueryAlert(name: string, scope: string, q: QueryAlert): MonitorScheduledQueryRulesAlertV2 {
    if (this.queryAlerts[name]) throw new Error(`PlatformAlerts: query alert "${name}" already exists`);
    const severity = q.severity ?? 3;
    checkSeverity(name, severity);
    const p = this.props;
    return (this.queryAlerts[name] = new MonitorScheduledQueryRulesAlertV2(this, `query-${name}`, {
      name: `${name}-${p.clusterName}`,
      resourceGroupName: p.resourceGroupName,
      location: p.location,
      scopes: [scope],
      severity,
      evaluationFrequency: q.frequency ?? 'PT5M',
      windowDuration: q.window ?? 'PT15M',
      criteria: [
        {
          query: q.query,
          timeAggregationMethod: q.measureColumn ? 'Maximum' : 'Count',
          metricMeasureColumn: q.measureColumn,
          operator: q.operator ?? 'GreaterThan',
          threshold: q.threshold ?? 0,
          failingPeriods: { minimumFailingPeriodsToTriggerAlert: 1, numberOfEvaluationPeriods: 1 },
        },
      ],
      autoMitigationEnabled: true,
      action: this.actionGroupId ? { actionGroups: [this.actionGroupId] } : undefined,
      tags: p.tags ?? {},
    }));
  }

  private addActivityLogAlert(name: string, scope: string, description: string, criteria: ConstructorParameters<typeof MonitorActivityLogAlert>[2]['criteria']) {
    const p = this.props;
    this.activityLogAlerts[name] = new MonitorActivityLogAlert(this, name, {
      name: `${name}-${p.clusterName}`,
      resourceGroupName: p.resourceGroupName,
      // Activity-log alerts are global resources.
      location: 'global',
      scopes: [scope],
      description,
      criteria,
      action: this.actions,
      tags: p.tags ?? {},
    });
  }
}

function checkSeverity(name: string, severity: number) {
  if (!Token.isUnresolved(severity) && (!Number.isInteger(severity) || severity < 0 || severity > 4)) {
    throw new Error(`PlatformAlerts: ${name} severity ${severity}; allowed: 0-4`);
  }
}

function num(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`PlatformAlerts: threshold ${n} is not a number`);
  return String(n);
}
