import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { MonitorActionGroup } from '@cdktf/provider-azurerm/lib/monitor-action-group';
import {
  MonitorAlertPrometheusRuleGroup,
  MonitorAlertPrometheusRuleGroupRule,
} from '@cdktf/provider-azurerm/lib/monitor-alert-prometheus-rule-group';

/** One Prometheus alerting rule. */
export interface PrometheusAlert {
  /** Alert name (`alert`). */
  readonly alert: string;
  /** PromQL; the alert fires for every series it returns. */
  readonly expression: string;
  /** How long the expression must hold before the alert fires (ISO 8601, e.g. `PT15M`). */
  readonly for: string;
  /** Azure Monitor severity: 0 critical, 1 error, 2 warning, 3 informational, 4 verbose. */
  readonly severity: 0 | 1 | 2 | 3 | 4;
  /** One line naming what is wrong; may use `{{ $labels.x }}` and `{{ $value }}`. */
  readonly summary: string;
}

const KSM = 'job="kube-state-metrics"';

/**
 * The commonly recommended AKS alerts (after Azure Monitor's recommended Prometheus alert rules and the
 * kubernetes-mixin), from kube-state-metrics, node-exporter and kubelet metrics that managed Prometheus scrapes by
 * default. Keyed by rule group: cluster, node and pod level.
 */
export const RECOMMENDED_AKS_ALERTS: Readonly<Record<'cluster' | 'node' | 'pod', readonly PrometheusAlert[]>> = {
  cluster: [
    {
      alert: 'KubePersistentVolumeFillingUp',
      expression: 'max by (cluster, namespace, persistentvolumeclaim) (kubelet_volume_stats_used_bytes{job="kubelet"} / kubelet_volume_stats_capacity_bytes{job="kubelet"}) * 100 > 80',
      for: 'PT15M',
      severity: 3,
      summary: 'PVC {{ $labels.namespace }}/{{ $labels.persistentvolumeclaim }} is {{ $value | humanize }}% full.',
    },
    {
      alert: 'KubeContainerOOMKilled',
      expression: `sum by (cluster, namespace, pod, container) (increase(kube_pod_container_status_restarts_total{${KSM}}[10m])) > 0 and on (cluster, namespace, pod, container) kube_pod_container_status_last_terminated_reason{${KSM},reason="OOMKilled"} == 1`,
      for: 'PT1M',
      severity: 4,
      summary: 'Container {{ $labels.container }} in {{ $labels.namespace }}/{{ $labels.pod }} was OOM-killed in the last 10 minutes.',
    },
    {
      alert: 'KubeDaemonSetNotScheduled',
      expression: `kube_daemonset_status_desired_number_scheduled{${KSM}} - kube_daemonset_status_current_number_scheduled{${KSM}} > 0`,
      for: 'PT15M',
      severity: 3,
      summary: 'DaemonSet {{ $labels.namespace }}/{{ $labels.daemonset }} has {{ $value }} pods not scheduled.',
    },
  ],
  node: [
    {
      alert: 'KubeNodeNotReady',
      expression: `kube_node_status_condition{${KSM},condition="Ready",status="true"} == 0`,
      for: 'PT15M',
      severity: 3,
      summary: 'Node {{ $labels.node }} has not been Ready for 15 minutes.',
    },
    {
      alert: 'KubeNodeUnreachable',
      expression: `kube_node_spec_taint{${KSM},key="node.kubernetes.io/unreachable",effect="NoSchedule"} == 1`,
      for: 'PT15M',
      severity: 3,
      summary: 'Node {{ $labels.node }} is unreachable.',
    },
    {
      alert: 'KubeNodePressure',
      expression: `kube_node_status_condition{${KSM},condition=~"MemoryPressure|DiskPressure|PIDPressure",status="true"} == 1`,
      for: 'PT5M',
      severity: 3,
      summary: 'Node {{ $labels.node }} reports {{ $labels.condition }}.',
    },
    {
      alert: 'NodeCPUHighUtilization',
      expression: '100 * (1 - avg by (cluster, instance) (rate(node_cpu_seconds_total{job="node",mode="idle"}[5m]))) > 90',
      for: 'PT15M',
      severity: 3,
      summary: 'Node {{ $labels.instance }} CPU is {{ $value | humanize }}% busy.',
    },
    {
      alert: 'NodeMemoryHighUtilization',
      expression: '100 * (1 - node_memory_MemAvailable_bytes{job="node"} / node_memory_MemTotal_bytes{job="node"}) > 90',
      for: 'PT15M',
      severity: 3,
      summary: 'Node {{ $labels.instance }} memory is {{ $value | humanize }}% used.',
    },
  ],
  pod: [
    {
      alert: 'KubePodCrashLooping',
      expression: `max_over_time(kube_pod_container_status_waiting_reason{${KSM},reason="CrashLoopBackOff"}[5m]) >= 1`,
      for: 'PT15M',
      severity: 4,
      summary: 'Container {{ $labels.container }} in {{ $labels.namespace }}/{{ $labels.pod }} is in CrashLoopBackOff.',
    },
    {
      alert: 'KubePodContainerRestart',
      expression: `sum by (cluster, namespace, pod, container) (increase(kube_pod_container_status_restarts_total{${KSM}}[1h])) > 5`,
      for: 'PT5M',
      severity: 4,
      summary: 'Container {{ $labels.container }} in {{ $labels.namespace }}/{{ $labels.pod }} restarted {{ $value | humanize }} times in an hour.',
    },
    {
      alert: 'KubePodNotReady',
      expression: `sum by (cluster, namespace, pod) (kube_pod_status_phase{${KSM},phase=~"Pending|Unknown|Failed"}) > 0`,
      for: 'PT15M',
      severity: 4,
      summary: 'Pod {{ $labels.namespace }}/{{ $labels.pod }} has not been running for 15 minutes.',
    },
    {
      alert: 'KubeDeploymentReplicasMismatch',
      expression: `(kube_deployment_spec_replicas{${KSM}} > kube_deployment_status_replicas_available{${KSM}}) and (changes(kube_deployment_status_replicas_updated{${KSM}}[10m]) == 0)`,
      for: 'PT15M',
      severity: 4,
      summary: 'Deployment {{ $labels.namespace }}/{{ $labels.deployment }} has fewer available replicas than desired.',
    },
    {
      alert: 'KubeStatefulSetReplicasMismatch',
      expression: `(kube_statefulset_status_replicas_ready{${KSM}} != kube_statefulset_status_replicas{${KSM}}) and (changes(kube_statefulset_status_replicas_updated{${KSM}}[10m]) == 0)`,
      for: 'PT15M',
      severity: 4,
      summary: 'StatefulSet {{ $labels.namespace }}/{{ $labels.statefulset }} has fewer ready replicas than desired.',
    },
    {
      alert: 'KubeJobFailed',
      expression: `kube_job_failed{${KSM}} > 0`,
      for: 'PT15M',
      severity: 4,
      summary: 'Job {{ $labels.namespace }}/{{ $labels.job_name }} failed.',
    },
  ],
};

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

export interface PrometheusAlertsProps {
  /** The cluster's name: the rule groups' `cluster_name` (they evaluate only its series) and part of their names. */
  readonly clusterName: string;
  /** The cluster's resource ID (a rule group scope). */
  readonly clusterId: string;
  /** The Azure Monitor workspace holding the cluster's Prometheus metrics (a rule group scope). */
  readonly monitorWorkspaceId: string;
  readonly resourceGroupName: string;
  /** The rule groups' region: the workspace's. */
  readonly location: string;
  /**
   * Notify this existing action group. Mutually exclusive with `emailReceivers`.
   * @default - create one when `emailReceivers` is not empty; otherwise alerts notify nobody
   */
  readonly actionGroupId?: string;
  /** Addresses of a created action group `ag-<cluster>`. @default [] */
  readonly emailReceivers?: string[];
  /** The created action group's short name (SMS and e-mail sender; at most 12 characters). @default 'aks-alerts' */
  readonly actionGroupShortName?: string;
  /** Evaluation interval of the rule groups (ISO 8601, PT1M to PT15M). @default 'PT1M' */
  readonly interval?: string;
  /** Tags. @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * Prometheus alert rule groups (`az alerts-management prometheus-rule-group create`) scoped to an Azure Monitor
 * workspace and one cluster, with the recommended AKS cluster, node and pod alerts, and the action group they notify.
 */
export class PrometheusAlerts extends Construct {
  /** The action group, when this construct created it. */
  readonly actionGroup?: MonitorActionGroup;
  /** The action group the rules notify, if any. */
  readonly actionGroupId?: string;
  /** The rule groups by name (`cluster`, `node`, `pod`, and any added). */
  readonly ruleGroups: Record<string, MonitorAlertPrometheusRuleGroup> = {};
  private readonly props: PrometheusAlertsProps;

  constructor(scope: Construct, id: string, props: PrometheusAlertsProps) {
    super(scope, id);
    this.props = props;
    const emails = props.emailReceivers ?? [];
    if (props.actionGroupId && emails.length > 0) {
      throw new Error(`PrometheusAlerts: emailReceivers (${emails.join(', ')}) and actionGroupId are mutually exclusive; add the addresses to the existing action group`);
    }
    for (const e of emails) {
      if (!Token.isUnresolved(e) && !EMAIL.test(e)) throw new Error(`PrometheusAlerts: emailReceivers has "${e}"; allowed: e-mail addresses such as ops@example.com`);
    }
    const shortName = props.actionGroupShortName ?? 'aks-alerts';
    if (!Token.isUnresolved(shortName) && (shortName.length < 1 || shortName.length > 12)) {
      throw new Error(`PrometheusAlerts: actionGroupShortName "${shortName}" has ${shortName.length} characters; allowed: 1 to 12`);
    }
    if (props.actionGroupId) {
      this.actionGroupId = props.actionGroupId;
    } else if (emails.length > 0) {
      this.actionGroup = new MonitorActionGroup(this, 'action-group', {
        name: `ag-${props.clusterName}`,
        resourceGroupName: props.resourceGroupName,
        shortName,
        emailReceiver: emails.map((address, i) => ({ name: `email-${i + 1}`, emailAddress: address, useCommonAlertSchema: true })),
        tags: props.tags ?? {},
      });
      this.actionGroupId = this.actionGroup.id;
    }
    for (const [level, alerts] of Object.entries(RECOMMENDED_AKS_ALERTS)) this.addRuleGroup(level, alerts);
  }

  /**
   * A rule group `<name>-<cluster>` with these alerts, on the same scopes, cluster and action group.
   * @returns the rule group
   */
  addRuleGroup(name: string, alerts: readonly PrometheusAlert[]): MonitorAlertPrometheusRuleGroup {
    if (this.ruleGroups[name]) throw new Error(`PrometheusAlerts: rule group "${name}" already exists`);
    if (alerts.length === 0) throw new Error(`PrometheusAlerts: rule group "${name}" has no alerts`);
    const p = this.props;
    const rule: MonitorAlertPrometheusRuleGroupRule[] = alerts.map((a) => ({
      alert: a.alert,
      expression: a.expression,
      for: a.for,
      severity: a.severity,
      enabled: true,
      annotations: { summary: a.summary },
      alertResolution: { autoResolved: true, timeToResolve: 'PT10M' },
      action: this.actionGroupId ? [{ actionGroupId: this.actionGroupId }] : undefined,
    }));
    const group = new MonitorAlertPrometheusRuleGroup(this, name, {
      name: `${name}-alerts-${p.clusterName}`,
      resourceGroupName: p.resourceGroupName,
      location: p.location,
      clusterName: p.clusterName,
      description: `AKS ${name} Prometheus alerts for ${p.clusterName}`,
      ruleGroupEnabled: true,
      interval: p.interval ?? 'PT1M',
      scopes: [p.monitorWorkspaceId, p.clusterId],
      rule,
      tags: p.tags ?? {},
    });
    this.ruleGroups[name] = group;
    return group;
  }
}
