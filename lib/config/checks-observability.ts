/** Cross-field rules of `observability`: alerts need someone to notify, filters need namespaces, Grafana needs data. */
import type { Problem } from './checks';
import { described } from './errors';
import type { ResolvedEnvironment } from './model';

const GRAFANA_NAME = /^[a-zA-Z][a-zA-Z0-9-]{0,21}[a-zA-Z0-9]$/;

export function checkObservability(env: ResolvedEnvironment, out: Problem[]): void {
  const o = env.observability;
  const mon = env.cluster.monitoring;
  const receivers = mon.alerts.emailReceivers.length > 0 || mon.alerts.actionGroupId !== undefined;
  const fix = 'cluster.monitoring.alerts.emailReceivers or cluster.monitoring.alerts.actionGroupId';
  if (o.alerts.enabled === true && !receivers) {
    out.push({
      path: 'observability.alerts.enabled',
      message: 'the recommended platform alerts would notify nobody (no receiver)',
      got: described('true with no cluster.monitoring.alerts.emailReceivers and no actionGroupId'),
      allowed: `${fix}, or observability.alerts.enabled unset or false`,
    });
  }
  const queries = Object.keys(o.alerts.queries);
  if (queries.length > 0 && o.alerts.enabled !== false && !receivers) {
    out.push({ path: `observability.alerts.queries.${queries[0]}`, message: 'an alert with no receiver would notify nobody', got: described(`${queries.length} query alert(s) and no receiver`), allowed: fix });
  }
  const ci = o.containerInsights;
  const filter = ci.namespaceFilter;
  if (filter.mode !== 'Off' && filter.namespaces.length === 0) {
    out.push({ path: 'observability.containerInsights.namespaceFilter.namespaces', message: `is empty with mode ${filter.mode}`, got: [], allowed: 'at least one namespace, or mode Off' });
  }
  if (filter.mode === 'Off' && filter.namespaces.length > 0) {
    out.push({ path: 'observability.containerInsights.namespaceFilter.mode', message: 'is Off, so the listed namespaces have no effect', got: 'Off', allowed: 'Include or Exclude, or no namespaces' });
  }
  const table = ci.containerLogTable;
  if (table) {
    const at = 'observability.containerInsights.containerLogTable';
    if (!mon.containerInsights) out.push({ path: at, message: 'is set but cluster.monitoring.containerInsights is off (no ContainerLogV2 data)', got: described('a table setting'), allowed: 'containerInsights: true, or no containerLogTable' });
    if (table.plan === 'Basic' && !ci.containerLogV2) {
      out.push({ path: `${at}.plan`, message: 'Basic needs observability.containerInsights.containerLogV2 (only ContainerLogV2 supports the Basic plan)', got: 'Basic', allowed: 'Analytics, or containerLogV2: true' });
    }
    if (table.plan === 'Basic' && table.retentionDays !== undefined) {
      out.push({ path: `${at}.retentionDays`, message: 'cannot be set on a Basic table (its interactive retention is fixed)', got: table.retentionDays, allowed: 'totalRetentionDays only, or plan Analytics' });
    }
    if (table.retentionDays !== undefined && table.totalRetentionDays !== undefined && table.totalRetentionDays < table.retentionDays) {
      out.push({ path: `${at}.totalRetentionDays`, message: 'is shorter than retentionDays', got: described(`totalRetentionDays ${table.totalRetentionDays}, retentionDays ${table.retentionDays}`), allowed: `at least ${table.retentionDays}` });
    }
  }
  const prom = o.prometheus;
  if (!mon.prometheus && (prom.labelsAllowlist || prom.annotationsAllowlist)) {
    const field = prom.labelsAllowlist ? 'labelsAllowlist' : 'annotationsAllowlist';
    out.push({ path: `observability.prometheus.${field}`, message: 'is set but cluster.monitoring.prometheus is off', got: prom[field], allowed: 'cluster.monitoring.prometheus: true, or no allow-list' });
  }
  const g = o.grafana;
  if (g.enabled) {
    if (!mon.prometheus) {
      out.push({ path: 'observability.grafana.enabled', message: 'Managed Grafana needs an Azure Monitor workspace to read (cluster.monitoring.prometheus is off)', got: true, allowed: 'cluster.monitoring.prometheus: true, or grafana.enabled: false' });
    }
    const name = g.name ?? `amg-${env.project}-${env.name}`;
    if (!GRAFANA_NAME.test(name)) {
      out.push({
        path: 'observability.grafana.name',
        message: g.name ? 'invalid Managed Grafana name' : 'the derived Managed Grafana name is invalid (set observability.grafana.name or shorten project/environment)',
        got: name,
        allowed: '2-23 letters, digits and hyphens, starting with a letter and ending with a letter or digit',
      });
    }
  }
  const e = o.eventGrid;
  if (e.enabled && !e.webhookUrl) {
    out.push({ path: 'observability.eventGrid.webhookUrl', message: 'is required when observability.eventGrid.enabled is true', allowed: 'an https URL such as https://hooks.example.com/aks' });
  }
}
