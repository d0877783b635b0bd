/**
 * PodDisruptionBudgets that the pinned charts render from their values: a helm_release holds values, not the
 * objects, so the baseline reads each release's values over the vendored chart defaults (vendor/charts) and applies
 * the chart template's condition. Charts with no PDB template (trivy-operator 0.34, alb-controller 1.7) render none.
 *
 * Templates modelled (condition and spec):
 * - ingress-nginx `templates/controller-poddisruptionbudget.yaml`: rendered when autoscaling is on with
 *   minReplicas > 1, or off with replicaCount > 1 (a DaemonSet is not counted here); minAvailable, else maxUnavailable.
 *   `defaultBackend` has the same template under `defaultBackend.*`, for an enabled default backend.
 * - velero `templates/poddisruptionbudget.yaml`: rendered when podDisruptionBudget.enabled; minAvailable or
 *   maxUnavailable.
 */
import { parse } from 'yaml';
import { vendoredChart } from '../../azure/chart-catalog';
import { isValuesMap, mergeValues, type Values } from '../../azure/helm-values';
import { attr, type Resource } from '../stack-model';
import { helmChart } from './k8s-helpers';

/** One PodDisruptionBudget a release renders. */
export interface ChartPdb {
  /** The values block it comes from, e.g. `controller`. */
  readonly from: string;
  readonly minAvailable?: unknown;
  readonly maxUnavailable?: unknown;
  /** Why the chart renders it, in values terms. */
  readonly because: string;
}

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

const RENDERERS: Record<string, (v: Values) => ChartPdb[]> = {
  'ingress-nginx': (v) => {
    const out: ChartPdb[] = [];
    const c = nginxPdb(isValuesMap(v.controller) ? v.controller : {}, 'controller');
    if (c) out.push(c);
    const b = isValuesMap(v.defaultBackend) ? v.defaultBackend : {};
    const d = b.enabled === true ? nginxPdb(b, 'defaultBackend') : undefined;
    if (d) out.push(d);
    return out;
  },
  velero: (v) => {
    const p = isValuesMap(v.podDisruptionBudget) ? v.podDisruptionBudget : {};
    if (p.enabled !== true) return [];
    return [{ from: 'podDisruptionBudget', minAvailable: set(p.minAvailable) ? p.minAvailable : undefined, maxUnavailable: set(p.maxUnavailable) ? p.maxUnavailable : undefined, because: 'podDisruptionBudget.enabled = true' }];
  },
};

/** `a.b.c` = value as a nested map (a helm `set`). */
function setValue(name: string, value: unknown): Values {
  const keys = name.split(/(?<!\\)\./).map((k) => k.replace(/\\\./g, '.'));
  let out: unknown = value;
  for (const k of keys.reverse()) out = { [k]: out };
  return out as Values;
}

/**
 * The values a release renders with: the vendored defaults of its chart version (none when the chart is not
 * vendored), then its values documents, then its `set` entries. Documents holding Terraform functions that are not
 * YAML until apply time are skipped.
 */
export function renderedValues(r: Resource): Values {
  const chart = helmChart(r);
  const version = typeof r.attrs.version === 'string' ? r.attrs.version : '';
  let defaults: Values = {};
  if (chart && version) {
    try {
      defaults = vendoredChart({ chart, repository: String(r.attrs.repository ?? ''), version }).defaults;
    } catch {
      // Not a vendored chart: only what the release states.
    }
  }
  const layers: Values[] = [defaults];
  for (const d of Array.isArray(r.attrs.values) ? r.attrs.values : []) {
    if (typeof d !== 'string') continue;
    try {
      const v = parse(d);
      if (isValuesMap(v)) layers.push(v);
    } catch {
      // not YAML before apply
    }
  }
  for (const s of (Array.isArray(r.attrs.set) ? r.attrs.set : []) as { name?: string; value?: unknown }[]) {
    if (typeof s.name === 'string') layers.push(setValue(s.name, s.value));
  }
  return mergeValues(...layers);
}

const rendered = new WeakMap<Resource, ChartPdb[]>();

/** The PodDisruptionBudgets a helm_release renders, by the chart's template (none for charts without one). */
export function chartPdbs(r: Resource): ChartPdb[] {
  const hit = rendered.get(r);
  if (hit) return hit;
  const render = RENDERERS[helmChart(r)];
  const out = render ? render(renderedValues(r)) : [];
  rendered.set(r, out);
  return out;
}

/** minAvailable / maxUnavailable of a PDB resource (typed or manifest), for the report. */
export function pdbSpec(r: Resource): { min: unknown; max: unknown } {
  const spec = r.type === 'kubernetes_manifest' ? attr(r.attrs, 'manifest.spec') : attr(r.attrs, 'spec');
  return { min: attr(spec, 'min_available') ?? attr(spec, 'minAvailable'), max: attr(spec, 'max_unavailable') ?? attr(spec, 'maxUnavailable') };
}
