/** Reading Kubernetes objects and Helm releases out of synthesized stacks. */
import { parse } from 'yaml';
import { attr } from '../stack-model';
import type { EnvironmentView, Resource } from '../stack-model';

/** The chart a `helm_release` installs (its `chart` attribute, without repository path). */
export function helmChart(r: Resource): string {
  const c = r.attrs.chart;
  return typeof c === 'string' ? c.replace(/^.*\//, '') : '';
}

/** The release's values documents merged shallowly (later documents win); unparseable documents are skipped. */
export function helmValues(r: Resource): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const docs = Array.isArray(r.attrs.values) ? r.attrs.values : [];
  for (const d of docs) {
    if (typeof d !== 'string') continue;
    try {
      const v = parse(d);
      if (v && typeof v === 'object') Object.assign(out, v);
    } catch {
      // A values document with Terraform functions in it is not YAML until apply time.
    }
  }
  const sets = Array.isArray(r.attrs.set) ? (r.attrs.set as { name?: string; value?: unknown }[]) : [];
  for (const s of sets) if (s.name) out[`set:${s.name}`] = s.value;
  return out;
}

/** `kubernetes_manifest` objects of a kind (and optional apiVersion prefix). */
export function manifests(env: EnvironmentView, kind: string, apiPrefix = ''): Resource[] {
  return env.ofType('kubernetes_manifest').filter((r) => {
    const m = r.attrs.manifest as Record<string, unknown> | undefined;
    return m?.kind === kind && String(m.apiVersion ?? '').startsWith(apiPrefix);
  });
}

/** metadata.name / metadata.namespace of a Kubernetes resource (typed resource or kubernetes_manifest). */
export function meta(r: Resource, key: 'name' | 'namespace'): unknown {
  if (r.type === 'kubernetes_manifest') return attr(r.attrs, `manifest.metadata.${key}`);
  return attr(r.attrs, `metadata.${key}`);
}

/** Namespaces the platform creates (typed resources and manifests). */
export function namespaces(env: EnvironmentView): Resource[] {
  return [...env.ofType('kubernetes_namespace_v1', 'kubernetes_namespace'), ...manifests(env, 'Namespace')];
}

/** Whether object `r` lives in namespace `ns` (a literal name or a reference to the namespace resource). */
export function inNamespace(env: EnvironmentView, r: Resource, ns: Resource): boolean {
  const v = meta(r, 'namespace');
  if (v === undefined) return false;
  if (typeof v === 'string' && v === meta(ns, 'name')) return true;
  return env.references(r, v, ns);
}

/** Objects of the given typed resource types or manifest kind, in one list. */
export function objects(env: EnvironmentView, types: string[], kind: string): Resource[] {
  return [...env.ofType(...types), ...manifests(env, kind)];
}
