/** High availability: zones, the system pool, SLA, disruption budgets and backups (seed: 고가용성). */
import { attr, blocks, show } from '../stack-model';
import { isTrue, presenceRule, resourceRule } from './dsl';
import { chartPdbs, pdbSpec } from './chart-pdbs';
import { helmChart, helmValues, manifests, objects } from './k8s-helpers';

const CLUSTER = { area: 'availability', types: ['azurerm_kubernetes_cluster'], home: 'infra', whenAbsent: 'not-applicable' } as const;

function zones(pool: unknown): string[] {
  const z = attr(pool, 'zones');
  return Array.isArray(z) ? (z as string[]) : [];
}

/** The system pool's node floor: min_count when autoscaled, node_count otherwise. */
function systemFloor(pool: Record<string, unknown>): number | undefined {
  const v = isTrue(pool.auto_scaling_enabled) ? pool.min_count : pool.node_count;
  return typeof v === 'number' ? v : undefined;
}

/** Velero schedules in a release's values (`schedules.<name>.schedule`). */
function veleroSchedules(values: Record<string, unknown>): string[] {
  const s = values.schedules;
  if (!s || typeof s !== 'object') return [];
  return Object.entries(s as Record<string, { schedule?: unknown; disabled?: unknown }>)
    .filter(([, v]) => v && typeof v.schedule === 'string' && v.disabled !== true)
    .map(([k, v]) => `${k} (${v.schedule as string})`);
}

export const availabilityRules = [
  resourceRule({
    ...CLUSTER,
    id: 'AKS-HA-001',
    title: 'System pool spread over at least 3 availability zones',
    severity: 'error',
    seed: 'Production checklist / 고가용성: 다중 가용성 영역 사용 (최소 3개); 클러스터 생성: --zones 1 2 3',
    remedy: "Keep the system pool's nodePools.<name>.zones at [\"1\", \"2\", \"3\"] (the default) in a region with zones.",
    test: (r) => {
      const z = zones(attr(r.attrs, 'default_node_pool'));
      return [z.length >= 3, `default_node_pool.zones = ${show(z)}`];
    },
  }),
  resourceRule({
    area: 'availability',
    types: ['azurerm_kubernetes_cluster_node_pool'],
    home: 'infra',
    whenAbsent: 'not-applicable',
    id: 'AKS-HA-002',
    title: 'User pools spread over at least 3 availability zones',
    severity: 'warning',
    seed: 'Node Pool 전략: apppool --zones 1 2 3',
    remedy: "Keep nodePools.<name>.zones at [\"1\", \"2\", \"3\"] for the pool (the default for every kind; spot pools are exempt).",
    where: (r) => r.attrs.priority !== 'Spot',
    test: (r) => {
      const z = zones(r.attrs);
      return [z.length >= 3, `zones = ${show(z)}`];
    },
  }),
  resourceRule({
    ...CLUSTER,
    id: 'AKS-HA-003',
    title: 'System pool isolated for critical add-ons (CriticalAddonsOnly)',
    severity: 'error',
    seed: 'Node Pool 전략: System Node Pool --mode System --node-taints CriticalAddonsOnly=true:NoSchedule',
    scanners: ['CKV_AZURE_232'],
    remedy: "Keep nodePools.<system pool>.criticalAddonsOnly true (the default; false is for single-pool clusters) and run workloads on pools with nodePools.<name>.kind: user.",
    test: (r) => {
      const v = attr(r.attrs, 'default_node_pool.only_critical_addons_enabled');
      return [isTrue(v), `default_node_pool.only_critical_addons_enabled = ${show(v)}`];
    },
  }),
  resourceRule({
    ...CLUSTER,
    id: 'AKS-HA-004',
    title: 'System pool has at least 3 nodes',
    severity: 'error',
    seed: 'Production checklist / 고가용성: 노드 풀 최소 3개 노드; System Node Pool --node-count 3',
    remedy: "Set the system pool's nodePools.<name>.count (and nodePools.<name>.minCount when autoscaled) to 3 or more; the production preset does.",
    test: (r) => {
      const pool = blocks(r.attrs, 'default_node_pool')[0] ?? {};
      const floor = systemFloor(pool);
      const what = isTrue(pool.auto_scaling_enabled) ? 'min_count' : 'node_count';
      return [floor !== undefined && floor >= 3, `default_node_pool.${what} = ${show(floor)}`];
    },
  }),
  resourceRule({
    ...CLUSTER,
    id: 'AKS-HA-005',
    title: 'Control plane with uptime SLA (Standard or Premium tier)',
    severity: 'warning',
    seed: 'Production checklist / 고가용성 (control-plane availability)',
    scanners: ['CKV_AZURE_170'],
    remedy: "Set cluster.skuTier: Standard (the production default).",
    test: (r) => {
      const v = r.attrs.sku_tier;
      return [v === 'Standard' || v === 'Premium', `sku_tier = ${show(v)}${v === undefined ? ' (provider default Free)' : ''}`];
    },
  }),
  presenceRule({
    area: 'availability',
    home: 'platform',
    id: 'AKS-HA-006',
    title: 'PodDisruptionBudgets in place',
    severity: 'error',
    seed: 'Production checklist / 고가용성 + 리소스 관리: Pod Disruption Budget 설정; 고가용성 1. Pod Disruption Budget',
    remedy: "Depends on ingress.controller. nginx: keep ingress.nginx.replicas above 1 (2 by default); the chart then renders a PodDisruptionBudget (minAvailable 1). agc: the platform creates kubernetes_pod_disruption_budget_v1 for the ALB controller pods (app: alb-controller, minAvailable 1; the chart renders none), so keep ingress.controller agc with ingress.agc set. agic and none: no in-cluster controller; add a PodDisruptionBudget for your own workloads (or Velero's: backup.values podDisruptionBudget: { enabled: true }).",
    find: (env) => [
      ...objects(env, ['kubernetes_pod_disruption_budget_v1', 'kubernetes_pod_disruption_budget'], 'PodDisruptionBudget'),
      ...env.ofType('helm_release').filter((h) => chartPdbs(h).length > 0),
    ],
    missing: 'no PodDisruptionBudget in the platform stack (kubernetes_pod_disruption_budget_v1, manifest, or rendered by a chart from its values)',
    test: (r) => {
      if (r.type === 'helm_release') {
        const pdbs = chartPdbs(r);
        const ok = pdbs.every((p) => p.minAvailable !== undefined || p.maxUnavailable !== undefined);
        return [ok, `chart ${helmChart(r)} renders ${pdbs.map((p) => `a PodDisruptionBudget for ${p.from} (${p.because}): minAvailable = ${show(p.minAvailable)}, maxUnavailable = ${show(p.maxUnavailable)}`).join('; ')}`];
      }
      const { min, max } = pdbSpec(r);
      return [min !== undefined || max !== undefined, `min_available = ${show(min)}, max_unavailable = ${show(max)}`];
    },
  }),
  presenceRule({
    area: 'availability',
    home: 'platform',
    id: 'AKS-HA-007',
    title: 'Velero backups scheduled',
    severity: 'error',
    seed: 'Production checklist / 고가용성: 백업 솔루션 구성 (Velero); 3. Backup 및 Disaster Recovery: velero schedule create daily-backup',
    remedy: "Keep backup.enabled: true with at least one schedule (backup.schedules.<name>.schedule, e.g. \"0 2 * * *\"; the default is the seed's daily-backup).",
    find: (env) => [
      ...env.ofType('helm_release').filter((h) => helmChart(h) === 'velero'),
      ...manifests(env, 'Schedule', 'velero.io/'),
    ],
    missing: 'no Velero release or Schedule in the platform stack',
    test: (r) => {
      if (r.type === 'kubernetes_manifest') {
        const s = attr(r.attrs, 'manifest.spec.schedule');
        return [typeof s === 'string' && s !== '', `Schedule spec.schedule = ${show(s)}`];
      }
      const sched = veleroSchedules(helmValues(r));
      return [sched.length > 0, sched.length ? `schedules: ${sched.join(', ')}` : 'the velero release has no enabled schedules in its values'];
    },
  }),
];
