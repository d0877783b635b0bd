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

/** Labels of a Kubernetes resource (typed resource or kubernetes_manifest). */
export function labelsOf(r: Resource): Record<string, unknown> {
  const l = r.type === 'kubernetes_manifest' ? attr(r.attrs, 'manifest.metadata.labels') : attr(r.attrs, 'metadata.labels');
  return (l && typeof l === 'object' ? l : {}) as Record<string, unknown>;
}

/** Annotations of a Kubernetes resource (typed resource or kubernetes_manifest). */
export function annotationsOf(r: Resource): Record<string, unknown> {
  const a = r.type === 'kubernetes_manifest' ? attr(r.attrs, 'manifest.metadata.annotations') : attr(r.attrs, 'metadata.annotations');
  return (a && typeof a === 'object' ? a : {}) as Record<string, unknown>;
}

/** The label that tells add-on namespaces (`addon`) from application namespaces (`application`). */
export const ROLE_LABEL = 'platform/role';

/**
 * Whether a namespace belongs to a platform add-on (labelled `platform/role: addon`). Every other namespace,
 * labelled `application` or not labelled at all, is held to the application namespace baseline: leaving the
 * baseline takes the explicit add-on label, which only the add-on wiring sets.
 */
export function isAddonNamespace(ns: Resource): boolean {
  return labelsOf(ns)[ROLE_LABEL] === 'addon';
}

/** The not-applicable detail for an add-on namespace under an application-namespace rule. */
export const ADDON_NAMESPACE_EXEMPT = `add-on namespace (${ROLE_LABEL} = addon): held to what its chart needs, not the application namespace baseline`;
