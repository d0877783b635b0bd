/**
 * Helm values as plain data: the merge every add-on uses (defaults, then values computed from the infra stack, then
 * the user's overrides) and the one stable YAML document a release receives.
 */
import { stringify } from 'yaml';

/** A Helm values tree. */
export type Values = { [key: string]: unknown };

export function isValuesMap(v: unknown): v is Values {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Deep-merges layers left to right: maps merge key by key, lists and scalars replace, and `null` removes the key
 * (so a user can drop a default, as `helm --set key=null` does). Inputs are not modified.
 */
export function mergeValues(...layers: (Values | undefined)[]): Values {
  const out: Values = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (value === null) delete out[key];
      else if (isValuesMap(value)) out[key] = mergeValues(isValuesMap(out[key]) ? (out[key] as Values) : {}, value);
      else if (value !== undefined) out[key] = value;
    }
  }
  return out;
}

/** The same tree with every map's keys in sorted order (lists keep their order). */
export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isValuesMap(v)) return v;
  const out: Values = {};
  for (const k of Object.keys(v).sort()) out[k] = sortKeys(v[k]);
  return out;
}

/**
 * One YAML document with keys sorted at every level, so the same values always give the same text (a stable plan
 * and a readable diff). Lines are never folded: a folded Terraform reference would no longer resolve.
 */
export function valuesYaml(values: Values): string {
  return stringify(sortKeys(values), { lineWidth: 0, minContentWidth: 0 });
}
