/**
 * The edge of the program: reads platform.yaml (or PLATFORM_CONFIG), validates it and returns typed, resolved
 * configuration. Nothing past lib/config reads platform.yaml or environment variables; the one other reader of files
 * is the chart catalog (lib/azure/chart-catalog.ts), which loads the vendored chart values under vendor/charts.
 */
import * as path from 'path';
import { isMap, isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { checkEnvironment } from './checks';
import { ConfigError, didYouMean, show, type Located } from './errors';
import { deepMergeKeeping, isPlainObject, POOL_TOMBSTONES } from './merge';
import { type RawProblem, absurdNesting, isStackOverflow, dropPrototypeKeys, keyAt, MAX_ALIASES, rawProblems, readConfigFile, tooDeep, tooManyAliases } from './input-limits';
import type { PlatformConfig, ResolvedEnvironment } from './model';
import { PRESET_LAYERS } from './presets';
import { resolveEnvironment } from './resolve';
import { DEFAULT_NODE_POOLS, environmentSchema, topLevelSchema } from './schema';
import { ALLOWED_BY_PATTERN } from './schema/common';
import { environmentWarnings } from './warnings';
import { vnetOverlapWarnings } from './warnings-vnet-overlap';
import { knownKeys, schemaAt } from './zod-walk';

type Key = string | number;

/** The configuration file the app uses: `PLATFORM_CONFIG` when set, else platform.yaml in the working directory. */
export function configPath(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, env.PLATFORM_CONFIG || 'platform.yaml');
}

/** What the loader checks beyond the schema, supplied by the app (the configuration knows no other module). */
export interface ConfigOptions {
  /**
   * The baseline's rule IDs: a waiver naming another rule is a configuration error. The app passes the baseline's
   * `RULE_IDS`; the configuration module does not import the baseline.
   * @default - waiver rule IDs are checked for syntax only
   */
  readonly baselineRules?: ReadonlySet<string>;
}

/** Reads and validates a configuration file. Throws ConfigError listing every problem. */
export function loadConfig(file: string, options: ConfigOptions = {}): PlatformConfig {
  const source = path.relative(process.cwd(), file) || file;
  return parseConfig(readConfigFile(file, source), source, options);
}

/** Validates configuration text; `source` names it in messages. Throws ConfigError listing every problem. */
export function parseConfig(text: string, source: string, options: ConfigOptions = {}): PlatformConfig {
  const lineCounter = new LineCounter();
  let doc: Document;
  if (absurdNesting(text)) throw tooDeep(source, text);
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  } catch (e) {
    if (isStackOverflow(e)) throw tooDeep(source, text);
    throw e;
  }
  const locate = new Locator(doc, lineCounter, source);

  if (doc.errors.length > 0) {
    throw new ConfigError(
      source,
      doc.errors.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        const dup = e.code === 'DUPLICATE_KEY' ? keyAt(doc, e.pos[0]) : undefined;
        const message = dup !== undefined ? `duplicate key ${show(dup)} (each key may appear once in a map)` : `YAML syntax error: ${e.message.split('\n')[0]}`;
        return { where: `${source}:${line}:${col}`, path: '', message, line, col };
      }),
    );
  }

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIASES }) ?? {};
  } catch (e) {
    if (isStackOverflow(e)) throw tooDeep(source, text);
    if (e instanceof ReferenceError && /alias/i.test(e.message)) throw tooManyAliases(source, doc, lineCounter);
    throw e;
  }
  // Never echo the content of a file that is not a map of settings (it may not be a configuration file at all).
  if (!isPlainObject(raw)) {
    const what = Array.isArray(raw) ? 'a list' : typeof raw === 'string' ? 'a single string (is it a YAML file?)' : `a ${typeof raw}`;
    throw new ConfigError(source, [{ where: `${source}:1:1`, path: '', message: `the file holds ${what}, not a map of settings`, allowed: 'a YAML map with project, owner and environments', line: 1, col: 1 }]);
  }
  const limits = rawProblems(raw);
  if (limits.some((p) => p.message === 'nested too deeply')) {
    const p = limits.find((x) => x.message === 'nested too deeply')!;
    const at = locate.place(p.path);
    throw tooDeep(source, text, at.line, at.col, p.path.join('.'));
  }
  dropPrototypeKeys(raw);
  const problems: Located[] = limits.map((p) => locate.rawProblem(p));
  const top = topLevelSchema.safeParse(raw, { reportInput: true });
  if (!top.success) problems.push(...top.error.issues.flatMap((i) => locate.zodIssue(topLevelSchema, raw, i)));
  // Go on to the environments whenever their shape allows, so one run reports every problem.
  const file = top.success ? top.data : lenientTopLevel(raw);
  if (!file) throw new ConfigError(source, sortUnique(problems));
  const environments: ResolvedEnvironment[] = [];
  const warnings: string[] = [];

  for (const [name, body] of Object.entries(file.environments)) {
    const own = (isPlainObject(body) ? body : {}) as Record<string, unknown>;
    const preset = own.preset ?? file.defaults.preset ?? 'production';
    const layer = PRESET_LAYERS[preset as keyof typeof PRESET_LAYERS] ?? {};
    // Node pools merge by name like every other object: the default pools are the first layer. A null on a pool's
    // labels, taints or maxSurge survives the merge (POOL_TOMBSTONES) to remove what the pool's kind would add.
    const merged = deepMergeKeeping(POOL_TOMBSTONES, { nodePools: DEFAULT_NODE_POOLS }, layer, file.defaults, own);
    const parsed = environmentSchema.safeParse(merged, { reportInput: true });
    if (!parsed.success) {
      problems.push(...parsed.error.issues.flatMap((i) => locate.envIssue(name, merged, i)));
      continue;
    }
    const env = resolveEnvironment(file.project, file.owner, name, parsed.data);
    // Names derived from an invalid project name would only repeat that problem.
    const checks = checkEnvironment(env, options.baselineRules).filter((p) => top.success || !p.message.startsWith('the derived'));
    for (const p of checks) problems.push(locate.envProblem(name, p.path.split('.'), p));
    warnings.push(...environmentWarnings(env));
    environments.push(env);
  }
  if (problems.length > 0) throw new ConfigError(source, sortUnique(problems));
  warnings.push(...vnetOverlapWarnings(environments));
  return { project: file.project, owner: file.owner, source, environments, warnings };
}

/** The parts of an invalid top level that environment validation can still use, or undefined. */
function lenientTopLevel(raw: unknown) {
  if (!isPlainObject(raw) || !isPlainObject(raw.environments)) return undefined;
  const defaults = isPlainObject(raw.defaults) ? raw.defaults : {};
  const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
  return {
    project: str(raw.project, 'project'),
    owner: str(raw.owner, 'owner'),
    defaults: defaults as Record<string, unknown>,
    environments: raw.environments as Record<string, Record<string, unknown> | null>,
  };
}

function sortUnique(problems: Located[]): Located[] {
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const k = `${p.where}|${p.path}|${p.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.col - b.col || a.path.localeCompare(b.path) || a.message.localeCompare(b.message));
}

/** Maps schema paths to places in the YAML file. */
class Locator {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly source: string,
  ) {}

  /** Where `filePath` is in the file: the node itself, or (with `key`) the key of the pair. */
  private find(filePath: Key[], key = false): { line: number; col: number } | undefined {
    if (key && filePath.length > 0) {
      const parent = this.doc.getIn(filePath.slice(0, -1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === filePath[filePath.length - 1]);
        const range = pair && isNode(pair.key) ? pair.key.range : undefined;
        if (range) return this.lines.linePos(range[0]);
      }
    }
    const node = this.doc.getIn(filePath, true);
    const range = isNode(node) ? node.range : undefined;
    return range ? this.lines.linePos(range[0]) : undefined;
  }

  private at(filePath: Key[], message: string, got?: unknown, allowed?: string, key = false): Located {
    let pos = this.find(filePath, key);
    for (let n = filePath.length - 1; !pos && n >= 0; n--) pos = this.find(filePath.slice(0, n), true);
    const { line, col } = pos ?? { line: 0, col: 0 };
    return { where: pos ? `${this.source}:${line}:${col}` : this.source, path: filePath.join('.'), message, got, allowed, line, col };
  }

  /** Where an environment's value came from: its own block, else the shared defaults, else its preset. */
  private sourceOf(env: string, p: Key[]): Key[] {
    const own: Key[] = ['environments', env, ...p];
    if (this.doc.hasIn(own)) return own;
    const shared: Key[] = ['defaults', ...p];
    if (p.length > 0 && this.doc.hasIn(shared)) return shared;
    return own;
  }

  /** Line and column of a path in the file (its key when it has one). */
  place(filePath: Key[]): { line: number; col: number } {
    return this.find(filePath, true) ?? { line: 0, col: 0 };
  }

  rawProblem(p: RawProblem): Located {
    return this.at(p.path, p.message, p.got, p.allowed, p.key ?? true);
  }

  envProblem(env: string, p: Key[], problem: { message: string; got?: unknown; allowed?: string }): Located {
    return this.at(this.sourceOf(env, p), problem.message, problem.got, problem.allowed);
  }

  envIssue(env: string, merged: unknown, issue: z.core.$ZodIssue): Located[] {
    return this.zodIssue(environmentSchema, merged, issue, (p) => this.sourceOf(env, p));
  }

  /** Locates one zod issue; `toFile` maps a path in the validated value to the path in the file. */
  zodIssue(schema: z.ZodType, value: unknown, issue: z.core.$ZodIssue, toFile: (p: Key[]) => Key[] = (p) => p): Located[] {
    const p = issue.path.map((k) => (typeof k === 'number' ? k : String(k)));
    if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => this.unknownKey(toFile([...p, k]), schema, value, p, k));
    if (issue.code === 'invalid_key') {
      const inner = issue.issues[0];
      const [message, , allowed] = inner ? describe(inner, undefined) : ['invalid key'];
      return [this.at(toFile(p), message.replace(/^invalid (value|format)/, 'invalid name'), p[p.length - 1], allowed, true)];
    }
    const at = issue.code === 'invalid_union' ? p.slice(0, -1) : p;
    return [this.at(toFile(p), ...describe(issue, schemaAt(schema, at, value, false)))];
  }

  private unknownKey(filePath: Key[], schema: z.ZodType, value: unknown, objectPath: Key[], key: string): Located {
    const keys = knownKeys(schemaAt(schema, objectPath, value));
    const guess = didYouMean(key, keys);
    return this.at(filePath, guess ? `unknown key; did you mean "${guess}"?` : 'unknown key', key, keys.join(', '), true);
  }
}

/** A zod issue as [message, got, allowed]. */
function describe(issue: z.core.$ZodIssue, schema: unknown): [string, unknown, string | undefined] {
  const got = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      if (got === undefined) return ['is required', undefined, `a ${issue.expected}`];
      return [`expected a ${issue.expected}`, got, undefined];
    case 'invalid_value':
      return ['invalid value', got, issue.values.map((v) => show(v)).join(', ')];
    case 'invalid_format': {
      const pattern = (issue as { pattern?: string }).pattern;
      const allowed = (pattern && ALLOWED_BY_PATTERN.get(pattern)) || describeSchema(schema) || `format ${issue.format}`;
      return ['invalid format', got, allowed];
    }
    case 'too_small':
      return [`too small`, got, `${issue.origin === 'array' ? 'at least ' + issue.minimum + ' items' : '>= ' + issue.minimum}`];
    case 'too_big':
      return [`too big`, got, `${issue.origin === 'array' ? 'at most ' + issue.maximum + ' items' : '<= ' + issue.maximum}`];
    case 'invalid_union': {
      const disc = (issue as { discriminator?: string }).discriminator;
      if (disc || (issue as { note?: string }).note === 'No matching discriminator') {
        const opts = describeSchema(schema);
        return [`unknown type`, got && typeof got === 'object' ? (got as Record<string, unknown>).type : got, opts];
      }
      return ['matches none of the allowed shapes', got, undefined];
    }
    default:
      return [issue.message, got, (issue as { params?: { allowed?: string } }).params?.allowed];
  }
}

function describeSchema(schema: unknown): string | undefined {
  const def = (schema as { _zod?: { def: { type: string; options?: unknown[]; discriminator?: string } } })?._zod?.def;
  if (def?.type === 'union' && def.discriminator) {
    const d = def.discriminator;
    const vals = def.options!.flatMap((o) => {
      const shape = (o as { _zod: { def: { shape: Record<string, { _zod: { def: { values?: unknown[] } } }> } } })._zod.def.shape;
      return shape[d]?._zod.def.values ?? [];
    });
    return `${d}: ${vals.map((v) => show(v)).join(', ')}`;
  }
  return (schema as { description?: string })?.description;
}

