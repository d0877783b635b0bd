import type { z } from 'zod';

type AnyDef = { type: string; [k: string]: unknown };
const defOf = (s: unknown): AnyDef | undefined => (s as { _zod?: { def: AnyDef } } | undefined)?._zod?.def;

/** Unwraps optional/default/prefault/nullable/pipe wrappers. */
function unwrap(schema: unknown): unknown {
  let s = schema;
  for (let i = 0; i < 10; i++) {
    const def = defOf(s);
    if (!def) return s;
    if (['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional'].includes(def.type)) s = def.innerType;
    else if (def.type === 'pipe') s = def.in;
    else return s;
  }
  return s;
}

/**
 * The schema found at `path` below `root`, following object shapes, records, arrays and (for discriminated unions)
 * the option whose discriminator matches `value` (at the end too, unless `pickUnion` is false). Undefined where the path leaves the schema.
 */
export function schemaAt(root: z.ZodType, path: readonly PropertyKey[], value?: unknown, pickUnion = true): unknown {
  let s: unknown = root;
  let v: unknown = value;
  for (const key of path) {
    s = unwrap(s);
    const def = defOf(s);
    if (!def) return undefined;
    if (def.type === 'union') s = pickOption(def, v);
    const d = defOf(unwrap(s));
    if (!d) return undefined;
    if (d.type === 'object') s = (d.shape as Record<string, unknown>)[String(key)];
    else if (d.type === 'record') s = d.valueType;
    else if (d.type === 'array') s = d.element;
    else return undefined;
    v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  }
  s = unwrap(s);
  const def = defOf(s);
  return def?.type === 'union' && pickUnion ? pickOption(def, v) : s;
}

function pickOption(def: AnyDef, value: unknown): unknown {
  const options = def.options as unknown[];
  const disc = def.discriminator as string | undefined;
  if (disc && value && typeof value === 'object') {
    const want = (value as Record<string, unknown>)[disc];
    for (const o of options) {
      const shape = defOf(o)?.shape as Record<string, unknown> | undefined;
      const lit = defOf(shape?.[disc])?.values as unknown[] | undefined;
      if (lit?.includes(want)) return o;
    }
  }
  return options[0];
}

/** The keys an object schema allows (empty when the schema at that place is not an object). */
export function knownKeys(schema: unknown): string[] {
  const def = defOf(unwrap(schema));
  return def?.type === 'object' ? Object.keys(def.shape as object) : [];
}
