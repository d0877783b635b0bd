/** Limits Azure and Kubernetes enforce only at apply time, checked at synth: tag counts and annotation sizes. */
import type { Problem } from './checks';
import type { ResolvedEnvironment } from './model';

/** Tags on one Azure resource (Microsoft Learn, "Use tags to organize your Azure resources", Limitations). */
export const MAX_TAGS = 50;
/** Total size of one object's annotations, keys and values (Kubernetes: apimachinery ValidateAnnotations, 256 KiB). */
export const MAX_ANNOTATION_BYTES = 256 * 1024;

/** Annotation maps in Helm values: keys named `annotations` or ending in `Annotations`, at any depth, lists walked. */
function annotationMaps(v: unknown, at: string[], out: [string, Record<string, unknown>][]): void {
  if (Array.isArray(v)) v.forEach((x, i) => annotationMaps(x, [...at, String(i)], out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (/^annotations$|Annotations$/.test(k) && x && typeof x === 'object' && !Array.isArray(x)) out.push([[...at, k].join('.'), x as Record<string, unknown>]);
      else annotationMaps(x, [...at, k], out);
    }
  }
}

export function checkLimits(env: ResolvedEnvironment, out: Problem[]): void {
  const n = Object.keys(env.tags).length;
  if (n > MAX_TAGS) {
    out.push({ path: 'tags', message: `gives every resource ${n} tags with the 4 the platform sets (environment, owner, project, managed-by)`, got: n, allowed: `at most ${MAX_TAGS} tags on an Azure resource` });
  }
  const values: [string, unknown][] = [
    ['ingress.nginx.values', env.ingress.nginx.values],
    ['ingress.agc.values', env.ingress.agc.values],
    ['addons.trivyOperator.values', env.addons.trivyOperator.values],
    ['backup.values', env.backup.values],
  ];
  for (const [at, v] of values) {
    const maps: [string, Record<string, unknown>][] = [];
    annotationMaps(v, [at], maps);
    for (const [path, m] of maps) {
      const bytes = Object.entries(m).reduce((sum, [k, x]) => sum + Buffer.byteLength(k) + Buffer.byteLength(typeof x === 'string' ? x : JSON.stringify(x) ?? ''), 0);
      if (bytes > MAX_ANNOTATION_BYTES) out.push({ path, message: `annotations total ${bytes} bytes`, allowed: `at most ${MAX_ANNOTATION_BYTES} bytes (256 KiB) per object` });
    }
  }
}
