/**
 * A read-only view of synthesized stacks (the `cdk.tf.json` of each stack): resources with their Terraform
 * addresses and construct paths, grouped by environment, and the references between them (`${type.name.attr}`
 * tokens, followed across stacks through `terraform_remote_state` outputs).
 */

/** A parsed `cdk.tf.json`. */
export interface StackJson {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  output?: Record<string, { value?: unknown; sensitive?: boolean }>;
  [k: string]: unknown;
}

/** One resource (or data source) of one stack. */
export interface Resource {
  readonly stack: string;
  readonly type: string;
  readonly name: string;
  /** `type.name`, or `data.type.name`: the Terraform address inside its stack. */
  readonly tfAddress: string;
  /** `<stack>.<tfAddress>`: unique across the app; what reports and waivers name. */
  readonly address: string;
  /** The construct path, e.g. `prod-infra/aks/cluster`. */
  readonly path: string;
  readonly attrs: Record<string, unknown>;
  readonly data: boolean;
}

/** A reference from one resource to another, found in attribute `attr` (top-level attribute name). */
export interface Reference {
  readonly from: Resource;
  readonly to: Resource;
  readonly attr: string;
}

/** The environment a stack belongs to: its name up to the last `-` (`prod-infra` -> `prod`). */
export function environmentOf(stack: string): string {
  const i = stack.lastIndexOf('-');
  return i > 0 ? stack.slice(0, i) : stack;
}

function resourcesOf(stack: string, json: StackJson): Resource[] {
  const out: Resource[] = [];
  for (const [kind, data] of [['resource', false], ['data', true]] as const) {
    const byType = json[kind] as Record<string, Record<string, Record<string, unknown>>> | undefined;
    for (const type of Object.keys(byType ?? {}).sort()) {
      for (const name of Object.keys(byType![type]).sort()) {
        const attrs = byType![type][name];
        const tfAddress = `${data ? 'data.' : ''}${type}.${name}`;
        const meta = (attrs['//'] as { metadata?: { path?: string } } | undefined)?.metadata;
        out.push({ stack, type, name, tfAddress, address: `${stack}.${tfAddress}`, path: meta?.path ?? `${stack}/${name}`, attrs, data });
      }
    }
  }
  return out;
}

const TOKEN = /\$\{([^}]*)\}/g;
const REF = /(?:^|[^A-Za-z0-9_.-])((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)((?:\.[A-Za-z0-9_-]+|\[\d+\])*)/g;

/** Every `type.name` (or `data.type.name`) reference in a string, with what follows it (`.outputs.x`, `.id`). */
export function referencesIn(text: string): { address: string; rest: string }[] {
  const out: { address: string; rest: string }[] = [];
  for (const m of text.matchAll(TOKEN)) {
    for (const r of m[1].matchAll(REF)) out.push({ address: r[1], rest: r[2] });
  }
  return out;
}

/** Calls `fn` on every string inside `value`, with the top-level attribute it sits under. */
function eachString(value: unknown, fn: (s: string) => void): void {
  if (typeof value === 'string') fn(value);
  else if (Array.isArray(value)) for (const v of value) eachString(v, fn);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (k !== '//') eachString(v, fn);
}

/** The stacks of one environment, and lookups over their resources. */
export class EnvironmentView {
  readonly resources: readonly Resource[];
  private readonly byType = new Map<string, Resource[]>();
  private readonly byAddress = new Map<string, Resource>();

  constructor(
    readonly name: string,
    readonly stacks: Readonly<Record<string, StackJson>>,
  ) {
    this.resources = Object.keys(stacks)
      .sort()
      .flatMap((s) => resourcesOf(s, stacks[s]));
    for (const r of this.resources) {
      if (!r.data) {
        const list = this.byType.get(r.type) ?? [];
        list.push(r);
        this.byType.set(r.type, list);
      }
      this.byAddress.set(`${r.stack} ${r.tfAddress}`, r);
    }
  }

  /** Managed resources of any of these types, in stack then address order. */
  ofType(...types: string[]): Resource[] {
    if (types.length === 1) return this.byType.get(types[0]) ?? [];
    return this.resources.filter((r) => !r.data && types.includes(r.type));
  }

  /** The resource a `type.name` address names inside `stack`. */
  lookup(stack: string, tfAddress: string): Resource | undefined {
    return this.byAddress.get(`${stack} ${tfAddress}`);
  }

  /** Resources `from` references, following cross-stack outputs to the resource in the other stack. */
  referencesFrom(from: Resource): Reference[] {
    const out: Reference[] = [];
    const seen = new Set<string>();
    for (const [attr, value] of Object.entries(from.attrs)) {
      if (attr === '//') continue;
      eachString(value, (s) => {
        for (const ref of referencesIn(s)) {
          for (const to of this.resolve(from.stack, ref.address, ref.rest)) {
            const key = `${attr} ${to.address}`;
            if (to === from || seen.has(key)) continue;
            seen.add(key);
            out.push({ from, to, attr });
          }
        }
      });
    }
    return out;
  }

  /** Whether any string in `value` references `target` (directly or across stacks). */
  references(from: Resource, value: unknown, target: Resource): boolean {
    let hit = false;
    eachString(value, (s) => {
      for (const ref of referencesIn(s)) if (this.resolve(from.stack, ref.address, ref.rest).includes(target)) hit = true;
    });
    return hit;
  }

  /** What a reference in `stack` points at: the resource itself or, for remote state outputs, their source. */
  resolve(stack: string, address: string, rest = ''): Resource[] {
    const direct = this.lookup(stack, address);
    if (!direct) return [];
    if (direct.type !== 'terraform_remote_state' || !direct.data) return [direct];
    const output = /^\.outputs\.([A-Za-z0-9_-]+)/.exec(rest)?.[1];
    if (!output) return [];
    const out: Resource[] = [];
    for (const [other, json] of Object.entries(this.stacks)) {
      if (other === stack) continue;
      const value = json.output?.[output]?.value;
      if (value === undefined) continue;
      eachString(value, (s) => {
        for (const ref of referencesIn(s)) out.push(...this.resolve(other, ref.address, ref.rest));
      });
    }
    return out;
  }
}

/** Groups stacks by environment (`<env>-infra`, `<env>-platform` -> `<env>`), environments in name order. */
export function environmentViews(stacks: Record<string, StackJson>): EnvironmentView[] {
  const groups = new Map<string, Record<string, StackJson>>();
  for (const name of Object.keys(stacks).sort()) {
    const env = environmentOf(name);
    groups.set(env, { ...groups.get(env), [name]: stacks[name] });
  }
  return [...groups.entries()].map(([env, s]) => new EnvironmentView(env, s));
}

/**
 * The value at a dotted path of attributes. A nested block appears in synthesized JSON as an object (one block) or
 * an array of objects; both read as the first block here.
 */
export function attr(attrs: unknown, path: string): unknown {
  let cur: unknown = attrs;
  for (const key of path.split('.')) {
    if (Array.isArray(cur)) cur = cur[0];
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return Array.isArray(cur) && cur.length === 1 && cur[0] && typeof cur[0] === 'object' && !Array.isArray(cur[0]) ? cur[0] : cur;
}

/** Every block of a nested block attribute, as a list (an object is one block; absent is none). */
export function blocks(attrs: unknown, path: string): Record<string, unknown>[] {
  let cur: unknown = attrs;
  const keys = path.split('.');
  for (let i = 0; i < keys.length; i++) {
    if (Array.isArray(cur)) cur = cur[0];
    if (!cur || typeof cur !== 'object') return [];
    cur = (cur as Record<string, unknown>)[keys[i]];
  }
  if (Array.isArray(cur)) return cur.filter((b) => b && typeof b === 'object') as Record<string, unknown>[];
  return cur && typeof cur === 'object' ? [cur as Record<string, unknown>] : [];
}

/** A value as reports show it: JSON, short. */
export function show(value: unknown): string {
  if (value === undefined) return 'unset';
  const s = JSON.stringify(value);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** Whether a value is a Terraform expression (a `${...}` token) rather than a literal. */
export function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}
