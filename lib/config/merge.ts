/** A plain object (not an array, not null). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Merges layers left to right: objects merge key by key, arrays and scalars replace, and `null` removes the key
 * (so an environment can drop something it inherits). Inputs are not modified.
 */
export function deepMerge(...layers: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const layer of layers) {
    if (!isPlainObject(layer)) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (value === null) delete out[key];
      else if (isPlainObject(value)) out[key] = deepMerge(isPlainObject(out[key]) ? out[key] : {}, value);
      else out[key] = value;
    }
  }
  return out;
}
