/**
 * The Helm charts the platform installs, pinned: name, repository and version, in one place. The configuration's
 * `chartVersion` defaults and the add-on constructs both read them. A version here needs its default values vendored
 * under `vendor/charts/<chart>/<version>/` (scripts/refresh-charts.sh).
 */
import type { ChartPdb, ChartPin } from './chart-catalog';
import { isValuesMap, type Values } from './helm-values';

export type { ChartPin };

const int = (v: unknown) => (typeof v === 'number' ? Math.trunc(v) : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : 0);
const set = (v: unknown) => v !== undefined && v !== null && v !== '' && v !== 0 && v !== false;

/** ingress-nginx's controller and default-backend PDB template, for one block of values. */
function nginxPdb(block: Values, from: string): ChartPdb | undefined {
  const as = isValuesMap(block.autoscaling) ? block.autoscaling : {};
  if (block.kind === 'DaemonSet') return undefined;
  const scaled = as.enabled === true && int(as.minReplicas) > 1;
  const replicas = as.enabled !== true && int(block.replicaCount) > 1;
  if (!scaled && !replicas) return undefined;
  const because = scaled ? `${from}.autoscaling.minReplicas = ${int(as.minReplicas)}` : `${from}.replicaCount = ${int(block.replicaCount)}`;
  if (set(block.minAvailable)) return { from, minAvailable: block.minAvailable, because };
  if (set(block.maxUnavailable)) return { from, maxUnavailable: block.maxUnavailable, because };
  return { from, because };
}

/** ingress-nginx (the seed's ingress controller). */
export const INGRESS_NGINX_CHART: ChartPin = {
  chart: 'ingress-nginx',
  repository: 'https://kubernetes.github.io/ingress-nginx',
  version: '4.15.1',
  commentedKeys: ['controller.maxUnavailable', 'controller.updateStrategy.rollingUpdate'],
  // templates/controller-poddisruptionbudget.yaml, and the same under defaultBackend.* for an enabled default backend
  pdbs: (v) => {
    const out: ChartPdb[] = [];
    const c = nginxPdb(isValuesMap(v.controller) ? v.controller : {}, 'controller');
    if (c) out.push(c);
    const b = isValuesMap(v.defaultBackend) ? v.defaultBackend : {};
    const d = b.enabled === true ? nginxPdb(b, 'defaultBackend') : undefined;
    if (d) out.push(d);
    return out;
  },
};

/** Application Gateway for Containers' ALB controller (published only as an OCI chart). */
export const ALB_CONTROLLER_CHART: ChartPin = {
  chart: 'alb-controller',
  repository: 'oci://mcr.microsoft.com/application-lb/charts',
  version: '1.7.9',
};

/** The Trivy operator. */
export const TRIVY_OPERATOR_CHART: ChartPin = {
  chart: 'trivy-operator',
  repository: 'https://aquasecurity.github.io/helm-charts/',
  version: '0.34.0',
};

/** Velero. */
export const VELERO_CHART: ChartPin = {
  chart: 'velero',
  repository: 'https://vmware-tanzu.github.io/helm-charts',
  version: '12.1.0',
  // templates/poddisruptionbudget.yaml: rendered when podDisruptionBudget.enabled; minAvailable or maxUnavailable
  pdbs: (v) => {
    const p = isValuesMap(v.podDisruptionBudget) ? v.podDisruptionBudget : {};
    if (p.enabled !== true) return [];
    return [{ from: 'podDisruptionBudget', minAvailable: set(p.minAvailable) ? p.minAvailable : undefined, maxUnavailable: set(p.maxUnavailable) ? p.maxUnavailable : undefined, because: 'podDisruptionBudget.enabled = true' }];
  },
};

/** Every pinned chart (the baseline finds a release's chart facts here by chart name). */
export const CHART_PINS: readonly ChartPin[] = [INGRESS_NGINX_CHART, ALB_CONTROLLER_CHART, TRIVY_OPERATOR_CHART, VELERO_CHART];
