/**
 * Every configuration string reaches Terraform as a literal. The test walks the configuration schema (no field listed
 * by hand, Helm values aside), plants Terraform template sequences in every string field, record key and list, and
 * asserts each is either refused with a message naming that field or reaches the synthesized JSON escaped
 * (`$${` / `%%{`, which Terraform reads as the literal `${` / `%{`).
 */
import { environmentSchema, topLevelSchema } from '../../lib/config/schema';
import { hasTemplateSequence, terraformLiteral, terraformLiterals } from '../../lib/config/terraform-literal';
import { ConfigError, parseConfig } from '../../lib/config';
import { defaultConfigObject, synthAll } from '../helpers/synth';
import { stringify } from 'yaml';

const PLANT = 'x${file("/etc/passwd")}%{ if true }y%{ endif }';
const PLAIN = 'plain';
type Seg = string | typeof ANY | typeof EACH;
const ANY = Symbol('record entry');
const EACH = Symbol('list element');
interface Leaf {
  readonly path: Seg[];
  readonly kind: 'string' | 'key' | 'values';
  /** Discriminator values the objects along the path need, by depth. */
  readonly needs: Map<number, Record<string, unknown>>;
}

type Def = { type: string; [k: string]: any };
const def = (s: unknown): Def | undefined => (s as { _zod?: { def: Def } })?._zod?.def;
const WRAPPERS = ['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional'];
function unwrap(s: unknown): unknown {
  for (;;) {
    const d = def(s);
    if (d && WRAPPERS.includes(d.type)) s = d.innerType;
    else if (d?.type === 'pipe') s = d.in;
    else return s;
  }
}

/** Every place in a schema a string can go, with the discriminators needed to reach it. */
function leaves(schema: unknown, path: Seg[] = [], needs = new Map<number, Record<string, unknown>>(), out: Leaf[] = []): Leaf[] {
  const s = unwrap(schema);
  const d = def(s);
  if (!d) return out;
  switch (d.type) {
    case 'string':
      out.push({ path, kind: 'string', needs });
      break;
    case 'unknown':
    case 'any':
      out.push({ path, kind: 'values', needs });
      break;
    case 'object':
      for (const [k, v] of Object.entries(d.shape as Record<string, unknown>)) leaves(v, [...path, k], needs, out);
      break;
    case 'record':
      // Helm values: a free-form tree, planted where the chart reads one (VALUES_AT).
      if (['unknown', 'any'].includes(def(unwrap(d.valueType))?.type ?? '')) {
        out.push({ path, kind: 'values', needs });
        break;
      }
      if (def(unwrap(d.keyType))?.type === 'string') out.push({ path: [...path, ANY], kind: 'key', needs });
      leaves(d.valueType, [...path, ANY], needs, out);
      break;
    case 'array':
      leaves(d.element, [...path, EACH], needs, out);
      break;
    case 'union':
      for (const o of d.options as unknown[]) {
        const disc = d.discriminator as string | undefined;
        const lit = disc ? def(unwrap(def(unwrap(o))?.shape?.[disc]))?.values?.[0] : undefined;
        const more = new Map(needs);
        if (disc) more.set(path.length, { [disc]: lit });
        leaves(o, path, more, out);
      }
      break;
  }
  return out;
}

/**
 * Free-form maps in each add-on's Helm values that its pinned chart reads (the one hand-kept list: a `values` field
 * the schema gains fails the test until it is added here).
 */
const VALUES_AT: Record<string, string[]> = {
  'ingress.nginx.values': ['controller', 'podAnnotations'],
  'ingress.agc.values': ['albController', 'podLabels'],
  'addons.trivyOperator.values': ['operator', 'podLabels'],
  'backup.values': ['podAnnotations'],
};

const isObj = (v: unknown): v is Record<string, any> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Sets the leaf in `root`, creating what is missing; returns the dotted path it wrote. */
function plant(root: Record<string, any>, leaf: Leaf, prefix: string[], PLANT: string): string | undefined {
  let node: any = root;
  const written: string[] = [...prefix];
  const segs = leaf.path;
  for (let i = 0; i < segs.length; i++) {
    const need = leaf.needs.get(i);
    if (need && isObj(node)) Object.assign(node, need);
    const seg = segs[i];
    const last = i === segs.length - 1;
    if (seg === ANY) {
      if (!isObj(node)) return undefined;
      if (last && leaf.kind === 'key') {
        node[PLANT] = 'v';
        written.push(PLANT);
        return written.join('.');
      }
      const existing = Object.keys(node).find((k) => isObj(node[k]));
      const key = existing ?? (last ? 'planted' : 'p');
      written.push(key);
      if (last) {
        node[key] = PLANT;
        return written.join('.');
      }
      node[key] ??= {};
      node = node[key];
    } else if (seg === EACH) {
      if (!Array.isArray(node)) return undefined;
      written.push('0');
      if (last) {
        node.push(PLANT);
        return written.join('.');
      }
      if (!isObj(node[0])) node[0] = {};
      node = node[0];
    } else {
      written.push(seg);
      if (last) {
        if (leaf.kind === 'values') {
          const where = VALUES_AT[written.slice(prefix.length).join('.')];
          if (!where) throw new Error(`no free-form values path known for ${written.join('.')}: add one to VALUES_AT`);
          node[seg] = where.reduceRight<unknown>((v, k) => ({ [k]: v }), { [PLANT]: PLANT, list: [PLANT] });
        } else node[seg] = PLANT;
        return written.join('.');
      }
      const next = unwrapNext(segs[i + 1]);
      if (node[seg] === undefined || node[seg] === null || (next === 'array') !== Array.isArray(node[seg])) node[seg] = next === 'array' ? [] : {};
      node = node[seg];
    }
  }
  return undefined;
}
const unwrapNext = (seg: Seg) => (seg === EACH ? 'array' : 'object');

/** The problem lines of a configuration, or undefined when it is accepted. */
function refusal(cfg: Record<string, unknown>): string | undefined {
  try {
    parseConfig(stringify(cfg), 'platform.yaml');
    return undefined;
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
}

const ENV_LEAVES = leaves(environmentSchema);
const TOP_LEAVES = leaves(topLevelSchema).filter((l) => l.path[0] !== 'defaults' && l.path[0] !== 'environments');

describe('terraformLiteral', () => {
  test.each([
    ['${x}', '$${x}'],
    ['%{ if a }b%{ endif }', '%%{ if a }b%%{ endif }'],
    ['$${x}', '$$${x}'],
    ['no braces', 'no braces'],
    ['{x} $x %x', '{x} $x %x'],
  ])('%s -> %s, which Terraform reads back as the original', (input, escaped) => {
    expect(terraformLiteral(input)).toBe(escaped);
    expect(hasTemplateSequence(escaped)).toBe(false);
  });

  test('keys and nested lists are escaped too', () => {
    expect(terraformLiterals({ 'a${b}': ['%{c}', { d: '${e}' }] })).toEqual({ 'a$${b}': ['%%{c}', { d: '$${e}' }] });
  });
});

describe('template sequences in every string field of the schema', () => {
  const accepted: string[] = [];
  const refused: string[] = [];
  const skipped: string[] = [];
  // The default file, with an entry in the maps and lists that are empty there, for the walk to plant into.
  const base = defaultConfigObject() as Record<string, any>;
  base.environments.prod.namespaces = { production: {}, staging: {} };
  base.environments.prod.baseline = { waivers: [{ rule: 'AKS-NET-002', expires: '2099-12-31', reason: 'a planted waiver for the walk' }] };

  test('the schema walk finds the string fields, keys and Helm values', () => {
    expect(ENV_LEAVES.filter((l) => l.kind === 'string').length).toBeGreaterThan(80);
    expect(ENV_LEAVES.filter((l) => l.kind === 'key').length).toBeGreaterThan(5);
    expect(ENV_LEAVES.filter((l) => l.kind === 'values').length).toBe(Object.keys(VALUES_AT).length);
  });

  test('each planted field alone is either refused, naming the field, or accepted', () => {
    const bad: string[] = [];
    const one = (leaf: Leaf, prefix: string[], into: (cfg: Record<string, any>) => Record<string, any>) => {
      const cfg = structuredClone(base) as Record<string, any>;
      const where = plant(into(cfg), leaf, prefix, PLANT);
      if (!where) return;
      const problem = refusal(cfg);
      if (problem === undefined) {
        accepted.push(where);
        return;
      }
      // The message names the field (or, for a key, the map that holds it).
      const parent = where.split('.').slice(0, -1).join('.');
      if (problem.includes(`${where}:`) || (leaf.kind === 'key' && problem.includes(`${parent}:`))) {
        refused.push(where);
        return;
      }
      // Refused for something else: when a harmless string at the same place is refused too, the scaffold (a new map
      // entry missing its required fields, say) is what failed, which says nothing about template sequences.
      const plain = structuredClone(base) as Record<string, any>;
      plant(into(plain), leaf, prefix, PLAIN);
      if (refusal(plain) !== undefined) skipped.push(where);
      else bad.push(`${where}: refused without naming it:\n${problem}`);
    };
    for (const leaf of ENV_LEAVES) one(leaf, ['environments', 'prod'], (cfg) => cfg.environments.prod);
    for (const leaf of TOP_LEAVES) one(leaf, [], (cfg) => cfg);
    expect(bad).toEqual([]);
    expect(accepted.length).toBeGreaterThan(20);
    expect(refused.length).toBeGreaterThan(50);
    // What the walk could not reach with a valid scaffold (kept small: a new required field shows up here).
    expect(skipped.length).toBeLessThan((accepted.length + refused.length) / 2);
  });

  test('all accepted fields planted at once: no unescaped sequence in any synthesized string or key', () => {
    const cfg = structuredClone(base) as Record<string, any>;
    for (const leaf of ENV_LEAVES) {
      const trial = structuredClone(cfg);
      const where = plant(trial.environments.prod, leaf, ['environments', 'prod'], PLANT);
      if (where && accepted.includes(where) && refusal(trial) === undefined) Object.assign(cfg, trial);
    }
    for (const leaf of TOP_LEAVES) {
      const trial = structuredClone(cfg);
      const where = plant(trial, leaf, [], PLANT);
      if (where && accepted.includes(where) && refusal(trial) === undefined) Object.assign(cfg, trial);
    }
    const stacks = synthAll(stringify(cfg));
    const unescaped: string[] = [];
    let escapedSeen = 0;
    const visit = (v: unknown, at: string) => {
      if (typeof v === 'string') {
        if (v.includes('$${file(')) escapedSeen++;
        if (/(^|[^$])\$\{file\(|(^|[^%])%\{ if true/.test(v)) unescaped.push(at);
      } else if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${at}[${i}]`));
      else if (isObj(v)) for (const [k, x] of Object.entries(v)) visit(k, `${at}.<key>`), visit(x, `${at}.${k}`);
    };
    for (const [name, s] of Object.entries(stacks)) visit(s, name);
    expect(unescaped).toEqual([]);
    expect(escapedSeen).toBeGreaterThan(20);
  });
});
