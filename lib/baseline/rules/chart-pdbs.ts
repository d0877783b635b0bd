/**
 * PodDisruptionBudgets that the pinned charts render from their values: a helm_release holds values, not the
 * objects, so the baseline reads each release's values over the vendored chart defaults (vendor/charts) and applies
 * the chart template's condition, which each chart's pin models (`pdbs` in lib/azure/charts.ts). Charts with no PDB template (trivy-operator 0.34, alb-controller 1.7) render none.
 *
 * Templates modelled (condition and spec):
 * - ingress-nginx `templates/controller-poddisruptionbudget.yaml`: rendered when autoscaling is on with
 *   minReplicas > 1, or off with replicaCount > 1 (a DaemonSet is not counted here); minAvailable, else maxUnavailable.
 *   `defaultBackend` has the same template under `defaultBackend.*`, for an enabled default backend.
 * - velero `templates/poddisruptionbudget.yaml`: rendered when podDisruptionBudget.enabled; minAvailable or
 *   maxUnavailable.
 */
import { parse } from 'yaml';
import { vendoredChart, type ChartPdb } from '../../azure/chart-catalog';
import { CHART_PINS } from '../../azure/charts';
import { isValuesMap, mergeValues, type Values } from '../../azure/helm-values';
import { attr, type Resource } from '../stack-model';
import { helmChart } from './k8s-helpers';

export type { ChartPdb };

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
  const render = CHART_PINS.find((p) => p.chart === helmChart(r))?.pdbs;
  const out = render ? render(renderedValues(r)) : [];
  rendered.set(r, out);
  return out;
}

/** minAvailable / maxUnavailable of a PDB resource (typed or manifest), for the report. */
export function pdbSpec(r: Resource): { min: unknown; max: unknown } {
  const spec = r.type === 'kubernetes_manifest' ? attr(r.attrs, 'manifest.spec') : attr(r.attrs, 'spec');
  return { min: attr(spec, 'min_available') ?? attr(spec, 'minAvailable'), max: attr(spec, 'max_unavailable') ?? attr(spec, 'maxUnavailable') };
}
