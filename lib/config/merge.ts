/** A plain object (not an array, not null). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Where a `null` must survive the merge because something after it (the pool kinds' built-in labels, taints and
 * surge, which are not a YAML layer) still has an entry for it to remove; and where an empty map means "empty" rather
 * than "nothing to add". Given the key path from the environment's root.
 */
export type KeepNull = (path: readonly string[]) => boolean;

/**
 * Node pool fields whose inherited value comes from the pool's kind (lib/config/pool-kinds.ts) as well as from the
 * layers: `labels`, `taints`, `maxSurge` of `nodePools.<name>` and `nodePoolDefaults.<kind>`, and each label.
 */
export const POOL_TOMBSTONES: KeepNull = (p) =>
  (p[0] === 'nodePools' || p[0] === 'nodePoolDefaults') &&
  ((p.length === 3 && (p[2] === 'labels' || p[2] === 'taints' || p[2] === 'maxSurge')) || (p.length === 4 && p[2] === 'labels'));

/**
 * Merges layers left to right: objects merge key by key, arrays and scalars replace, and `null` removes the key
 * (so an environment can drop something it inherits). Inputs are not modified.
 */
export function deepMerge(...layers: unknown[]): Record<string, unknown> {
  return deepMergeKeeping(() => false, ...layers);
}

/**
 * deepMerge, except that where `keep` says so a `null` stays in the result (a tombstone for the resolver to apply)
 * and an empty map replaces what came before.
 */
export function deepMergeKeeping(keep: KeepNull, ...layers: unknown[]): Record<string, unknown> {
  return mergeAt(keep, [], layers);
}

function mergeAt(keep: KeepNull, at: string[], layers: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const layer of layers) {
    if (!isPlainObject(layer)) continue;
    for (const [key, value] of Object.entries(layer)) {
      const path = [...at, key];
      if (value === null) {
        if (keep(path)) out[key] = null;
        else delete out[key];
      } else if (isPlainObject(value)) {
        const replace = Object.keys(value).length === 0 && keep(path);
        out[key] = mergeAt(keep, path, [replace || !isPlainObject(out[key]) ? {} : out[key], value]);
      } else out[key] = value;
    }
  }
  return out;
}
