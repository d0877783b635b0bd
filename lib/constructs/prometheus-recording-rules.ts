import { Construct } from 'constructs';
import { MonitorAlertPrometheusRuleGroup } from '@cdktf/provider-azurerm/lib/monitor-alert-prometheus-rule-group';

/** One Prometheus recording rule. */
export interface RecordingRule {
  /** The recorded series' name. */
  readonly record: string;
  /** PromQL. */
  readonly expression: string;
  /** Labels added to the recorded series. @default none */
  readonly labels?: Record<string, string>;
}

const NODE = 'job="node"';
const KSM = 'job="kube-state-metrics"';
const ACTIVE = 'max by (namespace, pod, cluster) ((kube_pod_status_phase{phase=~"Pending|Running"} == 1))';
const ON_NODE = 'on (namespace, pod) group_left(node) topk by (namespace, pod) (1, max by (namespace, pod, node) (kube_pod_info{node!=""}))';
const resources = (kind: 'requests' | 'limits', resource: 'memory' | 'cpu'): RecordingRule[] => [
  {
    record: `cluster:namespace:pod_${resource}:active:kube_pod_container_resource_${kind}`,
    expression: `kube_pod_container_resource_${kind}{resource="${resource}",${KSM}} * on (namespace, pod, cluster) group_left() ${ACTIVE}`,
  },
  {
    record: `namespace_${resource}:kube_pod_container_resource_${kind}:sum`,
    expression: `sum by (namespace, cluster) (sum by (namespace, pod, cluster) (max by (namespace, pod, container, cluster) (kube_pod_container_resource_${kind}{resource="${resource}",${KSM}}) * on (namespace, pod, cluster) group_left() ${ACTIVE}))`,
  },
];
const owner = (kind: string, type: string): RecordingRule => ({
  record: 'namespace_workload_pod:kube_pod_owner:relabel',
  expression: `max by (cluster, namespace, workload, pod) (label_replace(kube_pod_owner{${KSM}, owner_kind="${kind}"}, "workload", "$1", "owner_name", "(.*)"))`,
  labels: { workload_type: type },
});

/**
 * The recording rules Azure Monitor's managed Prometheus onboarding creates (`NodeRecordingRulesRuleGroup` and
 * `KubernetesRecordingRulesRuleGroup`, from the kubernetes-mixin; source: the Azure/prometheus-collector
 * AddonTerraformTemplate). The Azure Monitor and Grafana Kubernetes dashboards read these series.
 */
export const RECOMMENDED_RECORDING_RULES: Readonly<Record<'node' | 'kubernetes', readonly RecordingRule[]>> = {
  node: [
    { record: 'instance:node_num_cpu:sum', expression: `count without (cpu, mode) (node_cpu_seconds_total{${NODE},mode="idle"})` },
    { record: 'instance:node_cpu_utilisation:rate5m', expression: `1 - avg without (cpu) (sum without (mode) (rate(node_cpu_seconds_total{${NODE}, mode=~"idle|iowait|steal"}[5m])))` },
    { record: 'instance:node_load1_per_cpu:ratio', expression: `(node_load1{${NODE}} / instance:node_num_cpu:sum{${NODE}})` },
    {
      record: 'instance:node_memory_utilisation:ratio',
      expression: `1 - ((node_memory_MemAvailable_bytes{${NODE}} or (node_memory_Buffers_bytes{${NODE}} + node_memory_Cached_bytes{${NODE}} + node_memory_MemFree_bytes{${NODE}} + node_memory_Slab_bytes{${NODE}})) / node_memory_MemTotal_bytes{${NODE}})`,
    },
    { record: 'instance:node_vmstat_pgmajfault:rate5m', expression: `rate(node_vmstat_pgmajfault{${NODE}}[5m])` },
    { record: 'instance_device:node_disk_io_time_seconds:rate5m', expression: `rate(node_disk_io_time_seconds_total{${NODE}, device!=""}[5m])` },
    { record: 'instance_device:node_disk_io_time_weighted_seconds:rate5m', expression: `rate(node_disk_io_time_weighted_seconds_total{${NODE}, device!=""}[5m])` },
    ...(['receive_bytes', 'transmit_bytes', 'receive_drop', 'transmit_drop'] as const).map((m) => ({
      record: `instance:node_network_${m}_excluding_lo:rate5m`,
      expression: `sum without (device) (rate(node_network_${m}_total{${NODE}, device!="lo"}[5m]))`,
    })),
  ],
  kubernetes: [
    {
      record: 'node_namespace_pod_container:container_cpu_usage_seconds_total:sum_irate',
      expression: 'sum by (cluster, namespace, pod, container) (irate(container_cpu_usage_seconds_total{job="cadvisor", image!=""}[5m])) * on (cluster, namespace, pod) group_left(node) topk by (cluster, namespace, pod) (1, max by (cluster, namespace, pod, node) (kube_pod_info{node!=""}))',
    },
    ...(['working_set_bytes', 'rss', 'cache', 'swap'] as const).map((m) => ({
      record: `node_namespace_pod_container:container_memory_${m}`,
      expression: `container_memory_${m}{job="cadvisor", image!=""} * ${ON_NODE}`,
    })),
    ...resources('requests', 'memory'),
    ...resources('requests', 'cpu'),
    ...resources('limits', 'memory'),
    ...resources('limits', 'cpu'),
    {
      record: 'namespace_workload_pod:kube_pod_owner:relabel',
      expression: `max by (cluster, namespace, workload, pod) (label_replace(label_replace(kube_pod_owner{${KSM}, owner_kind="ReplicaSet"}, "replicaset", "$1", "owner_name", "(.*)") * on (replicaset, namespace) group_left(owner_name) topk by (replicaset, namespace) (1, max by (replicaset, namespace, owner_name) (kube_replicaset_owner{${KSM}})), "workload", "$1", "owner_name", "(.*)"))`,
      labels: { workload_type: 'deployment' },
    },
    owner('DaemonSet', 'daemonset'),
    owner('StatefulSet', 'statefulset'),
    owner('Job', 'job'),
    {
      record: ':node_memory_MemAvailable_bytes:sum',
      expression: `sum(node_memory_MemAvailable_bytes{${NODE}} or (node_memory_Buffers_bytes{${NODE}} + node_memory_Cached_bytes{${NODE}} + node_memory_MemFree_bytes{${NODE}} + node_memory_Slab_bytes{${NODE}})) by (cluster)`,
    },
    {
      record: 'cluster:node_cpu:ratio_rate5m',
      expression: `sum(rate(node_cpu_seconds_total{${NODE},mode!="idle",mode!="iowait",mode!="steal"}[5m])) by (cluster) / count(sum(node_cpu_seconds_total{${NODE}}) by (cluster, instance, cpu)) by (cluster)`,
    },
  ],
};

export interface PrometheusRecordingRulesProps {
  /** The cluster's name: the groups' `cluster_name` and name suffix. */
  readonly clusterName: string;
  /** The cluster's resource ID (a scope of each group). */
  readonly clusterId: string;
  /** The Azure Monitor workspace the rules read and write. */
  readonly monitorWorkspaceId: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** Rule groups by name. @default RECOMMENDED_RECORDING_RULES */
  readonly groups?: Readonly<Record<string, readonly RecordingRule[]>>;
  /** Evaluation interval. @default 'PT1M' */
  readonly interval?: string;
  /** Tags. @default {} */
  readonly tags?: Record<string, string>;
}

/** Prometheus recording rule groups on an Azure Monitor workspace, scoped to one cluster. */
export class PrometheusRecordingRules extends Construct {
  /** The rule groups by name. */
  readonly ruleGroups: Record<string, MonitorAlertPrometheusRuleGroup> = {};

  constructor(scope: Construct, id: string, props: PrometheusRecordingRulesProps) {
    super(scope, id);
    for (const [name, rules] of Object.entries(props.groups ?? RECOMMENDED_RECORDING_RULES)) {
      if (rules.length === 0) throw new Error(`PrometheusRecordingRules: group "${name}" has no rules`);
      this.ruleGroups[name] = new MonitorAlertPrometheusRuleGroup(this, name, {
        name: `${name}-recording-rules-${props.clusterName}`,
        resourceGroupName: props.resourceGroupName,
        location: props.location,
        clusterName: props.clusterName,
        description: `${name} recording rules for ${props.clusterName}`,
        ruleGroupEnabled: true,
        interval: props.interval ?? 'PT1M',
        scopes: [props.monitorWorkspaceId, props.clusterId],
        rule: rules.map((r) => ({ record: r.record, expression: r.expression, labels: r.labels, enabled: true })),
        tags: props.tags ?? {},
      });
    }
  }
}
