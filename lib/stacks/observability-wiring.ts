/**
 * `observability` in platform.yaml: Container Insights collection settings, Prometheus recording rules and
 * allow-lists, the recommended platform alerts, Managed Grafana and the cluster's Event Grid events.
 */
import type { Construct } from 'constructs';
import type { ResolvedEnvironment } from '../config';
import type { AksCluster } from '../constructs/aks-cluster';
import { ClusterEvents } from '../constructs/cluster-events';
import type { ContainerInsightsProps } from '../constructs/container-insights';
import { ManagedGrafana } from '../constructs/managed-grafana';
import type { ManagedPrometheus } from '../constructs/managed-prometheus';
import { PlatformAlerts, type AlertThreshold } from '../constructs/platform-alerts';
import type { PrometheusAlerts } from '../constructs/prometheus-alerts';
import { PrometheusRecordingRules } from '../constructs/prometheus-recording-rules';

/** What the observability wiring builds on. */
export interface ObservabilityContext {
  readonly cluster: AksCluster;
  /** The platform's resource group (created or existing). */
  readonly resourceGroup: { readonly name: string; readonly id: string };
  readonly logAnalyticsWorkspaceId: string;
  readonly prometheus?: ManagedPrometheus;
  /** The Prometheus alert rule groups: their action group is reused. */
  readonly prometheusAlerts?: PrometheusAlerts;
}

/** What was built. */
export interface Observability {
  readonly recordingRules?: PrometheusRecordingRules;
  readonly alerts?: PlatformAlerts;
  readonly grafana?: ManagedGrafana;
  readonly events?: ClusterEvents;
}

/** The recommended platform alerts are on: explicitly, or by default when `cluster.monitoring.alerts` names a receiver. */
export function platformAlertsOn(env: Pick<ResolvedEnvironment, 'observability' | 'cluster'>): boolean {
  const r = env.cluster.monitoring.alerts;
  return env.observability.alerts.enabled ?? (r.emailReceivers.length > 0 || r.actionGroupId !== undefined);
}

/** The derived Managed Grafana name. */
export function grafanaName(env: Pick<ResolvedEnvironment, 'project' | 'name' | 'observability'>): string {
  return env.observability.grafana.name ?? `amg-${env.project}-${env.name}`;
}

/** The Container Insights data collection settings from `observability.containerInsights`. */
export function containerInsightsSettings(env: ResolvedEnvironment): Pick<ContainerInsightsProps, 'streams' | 'interval' | 'namespaceFilter' | 'containerLogV2' | 'containerLogTable'> {
  const ci = env.observability.containerInsights;
  return {
    streams: ci.streams,
    interval: ci.interval,
    namespaceFilter: ci.namespaceFilter,
    containerLogV2: ci.containerLogV2,
    containerLogTable: ci.containerLogTable,
  };
}

/** The `monitor_metrics` allow-lists, or undefined. */
export function prometheusAllowLists(env: ResolvedEnvironment): { labels?: string; annotations?: string } | undefined {
  const p = env.observability.prometheus;
  return p.labelsAllowlist || p.annotationsAllowlist ? { labels: p.labelsAllowlist, annotations: p.annotationsAllowlist } : undefined;
}

export function wireObservability(scope: Construct, env: ResolvedEnvironment, ctx: ObservabilityContext): Observability {
  const o = env.observability;
  const mon = env.cluster.monitoring;
  const where = { resourceGroupName: ctx.resourceGroup.name, location: env.location, tags: env.tags };
  const cluster = { clusterName: env.names.cluster, clusterId: ctx.cluster.id };
  let recordingRules: PrometheusRecordingRules | undefined;
  if (ctx.prometheus && o.prometheus.recordingRules) {
    recordingRules = new PrometheusRecordingRules(scope, 'recording-rules', { ...where, ...cluster, monitorWorkspaceId: ctx.prometheus.monitorWorkspaceId });
  }

  let alerts: PlatformAlerts | undefined;
  const a = o.alerts;
  if (platformAlertsOn(env)) {
    const on = (t: { enabled: boolean; threshold: number; severity: number }): AlertThreshold | undefined => (t.enabled ? { threshold: t.threshold, severity: t.severity } : undefined);
    const insights = mon.containerInsights;
    const shared = ctx.prometheusAlerts?.actionGroupId ?? mon.alerts.actionGroupId;
    alerts = new PlatformAlerts(scope, 'platform-alerts', {
      ...where,
      ...cluster,
      resourceGroupId: ctx.resourceGroup.id,
      logAnalyticsWorkspaceId: ctx.logAnalyticsWorkspaceId,
      actionGroupId: shared,
      emailReceivers: shared ? undefined : mon.alerts.emailReceivers,
      nodeCpu: on(a.nodeCpu),
      nodeMemory: on(a.nodeMemory),
      nodeDisk: on(a.nodeDisk),
      // These read Container Insights tables: without it they would never fire.
      podRestarts: insights ? on(a.podRestarts) : undefined,
      notReadyNodes: insights ? on(a.notReadyNodes) : undefined,
      apiServer: a.apiServer.enabled,
      advisor: a.advisor.enabled,
      dailyCapSeverity: a.dailyCap.enabled ? a.dailyCap.severity : undefined,
      queries: a.queries,
    });
  }

  let grafana: ManagedGrafana | undefined;
  const g = o.grafana;
  if (g.enabled) {
    grafana = new ManagedGrafana(scope, 'grafana', {
      ...where,
      name: grafanaName(env),
      monitorWorkspaceIds: ctx.prometheus ? [ctx.prometheus.monitorWorkspaceId] : [],
      majorVersion: g.majorVersion,
      zoneRedundancy: g.zoneRedundancy,
      publicNetworkAccess: g.publicNetworkAccess,
    });
    for (const [role, ids] of [['admin', g.admins], ['editor', g.editors], ['viewer', g.viewers]] as const) {
      for (const id of ids) grafana.grant(role, id, id, g.principalType);
    }
  }

  let events: ClusterEvents | undefined;
  const e = o.eventGrid;
  if (e.enabled && e.webhookUrl) {
    events = new ClusterEvents(scope, 'cluster-events', { ...where, ...cluster, webhookUrl: e.webhookUrl, eventTypes: e.eventTypes });
  }
  return { recordingRules, alerts, grafana, events };
}
