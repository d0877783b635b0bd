/**
 * The vendored default values (and JSON schema, where the chart has one) of every pinned chart, under
 * `vendor/charts/<chart>/<version>/`, and the offline check of an add-on's values against them. Helm silently
 * ignores a values key the chart does not read, so a typo would otherwise deploy the chart's default.
 *
 * Files are read and parsed once per chart version, on first use; ajv loads only for a chart that has a schema.
 * Refresh the vendored files with `scripts/refresh-charts.sh <chart> <version>`.
 */
import { existsSync, readFileSync } from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { didYouMean } from '../util/did-you-mean';
import { isValuesMap, mergeValues, type Values } from './helm-values';

/** A chart, its repository and version: pinned once per add-on. */
export interface ChartPin {
  /** Chart name, e.g. `velero`. */
  readonly chart: string;
  /** Helm repository URL (`https://…` or `oci://…`). */
  readonly repository: string;
  /** Chart version. */
  readonly version: string;
  /**
   * Values keys the chart reads but its values.yaml only mentions in a comment (dotted paths); they and everything
   * under them are allowed. @default []
   */
  readonly commentedKeys?: string[];
  /**
   * The PodDisruptionBudgets the chart's templates render from the merged values (the baseline counts them; a
   * helm_release holds values, not objects). @default - the chart renders none
   */
  readonly pdbs?: (values: Values) => ChartPdb[];
}

/** One PodDisruptionBudget a chart renders. */
export interface ChartPdb {
  /** The values block it comes from, e.g. `controller`. */
  readonly from: string;
  readonly minAvailable?: unknown;
  readonly maxUnavailable?: unknown;
  /** Why the chart renders it, in values terms. */
  readonly because: string;
}

/**
 * Keys whose contents the chart passes through to Kubernetes as free-form maps (labels, annotations, selectors,
 * resources, security contexts ...): anything is allowed under them, whatever the chart's defaults hold there, but
 * only at a path where the chart's defaults (or a commented key) have them.
 */
export const FREE_FORM_KEYS: ReadonlySet<string> = new Set([
  'annotations', 'labels', 'podAnnotations', 'podLabels', 'commonLabels', 'nodeSelector', 'affinity', 'tolerations',
  'resources', 'limits', 'requests', 'securityContext', 'podSecurityContext', 'containerSecurityContext',
  'extraArgs', 'extraEnvs', 'extraEnvVars', 'env', 'config', 'topologySpreadConstraints', 'schedules',
]);

interface Vendored {
  readonly dir: string;
  readonly defaults: Values;
  /** The schema file and its precompiled validator. */
  readonly schema?: { readonly file: string; readonly compiled: string };
  /** The vendored values.yaml is not the chart's own (see its SOURCE): unknown keys cannot be told from typos. */
  readonly partial: boolean;
}

const cache = new Map<string, Vendored>();
const validators = new Map<string, (v: unknown) => { key: string; message: string }[]>();

/** The project root: the nearest folder above this file (source or bundle) that holds `vendor/charts`. */
function vendorRoot(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'vendor', 'charts');
    if (existsSync(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find vendor/charts above ${__dirname}`);
    dir = up;
  }
}

/** The vendored material of one chart version. Throws, naming the refresh command, when it is missing. */
export function vendoredChart(pin: ChartPin): Vendored {
  const key = `${pin.chart}@${pin.version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const dir = path.join(vendorRoot(), pin.chart, pin.version);
  const valuesFile = path.join(dir, 'values.yaml');
  if (!existsSync(valuesFile)) {
    throw new Error(
      `chart ${pin.chart} ${pin.version}: no vendored values in vendor/charts/${pin.chart}/${pin.version}/ ` +
        `(run scripts/refresh-charts.sh ${pin.chart} ${pin.version}, or pin a vendored version)`,
    );
  }
  // values.json and values.schema.validate.js are values.yaml and the schema precompiled
  // (scripts/compile-vendored-charts.js): loading them costs a millisecond where parsing costs tens.
  const jsonFile = path.join(dir, 'values.json');
  const defaults = (
    existsSync(jsonFile)
      ? JSON.parse(readFileSync(jsonFile, 'utf8'))
      : ((require('yaml') as typeof import('yaml')).parse(readFileSync(valuesFile, 'utf8')) ?? {})
  ) as Values;
  const schemaFile = path.join(dir, 'values.schema.json');
  const schema = existsSync(schemaFile) ? { file: schemaFile, compiled: path.join(dir, 'values.schema.validate.js') } : undefined;
  const sourceFile = path.join(dir, 'SOURCE');
  const partial = existsSync(sourceFile) && /^partial:\s*true\s*$/m.test(readFileSync(sourceFile, 'utf8'));
  const v = { dir, defaults, schema, partial };
  cache.set(key, v);
  return v;
}

/** Dotted paths of the keys in `values` that the chart's defaults do not have (free-form maps excepted). */
export function unknownKeys(defaults: Values, values: Values, commentedKeys: readonly string[] = [], at: string[] = []): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const p = [...at, key];
    const dotted = p.join('.');
    if (commentedKeys.includes(dotted)) continue;
    if (!Object.prototype.hasOwnProperty.call(defaults, key)) {
      out.push(dotted);
      continue;
    }
    // A free-form map is free only where the chart has it: a `podLabels` at a path the chart never reads is dropped
    // by Helm as silently as a typo.
    if (FREE_FORM_KEYS.has(key)) continue;
    const d = defaults[key];
    // Under an empty map, a null or a scalar default the chart takes whatever it is given.
    if (isValuesMap(value) && isValuesMap(d) && Object.keys(d).length > 0) out.push(...unknownKeys(d, value, commentedKeys, p));
  }
  return out;
}

/** The dotted path (relative to `tree`, two levels at most) of the first map holding `key`, if any. */
function placeOf(tree: Values, key: string): string | undefined {
  for (const [k, v] of Object.entries(tree)) {
    if (isValuesMap(v) && Object.prototype.hasOwnProperty.call(v, key)) return `${k}.${key}`;
  }
  for (const [k, v] of Object.entries(tree)) {
    if (!isValuesMap(v)) continue;
    for (const [k2, v2] of Object.entries(v)) if (isValuesMap(v2) && Object.prototype.hasOwnProperty.call(v2, key)) return `${k}.${k2}.${key}`;
  }
  return undefined;
}

type CompiledSchema = ((v: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };

function schemaProblems(pin: ChartPin, schema: { file: string; compiled: string }, values: Values): { key: string; message: string }[] {
  const key = `${pin.chart}@${pin.version}`;
  let validate = validators.get(key);
  if (!validate) {
    let fn: CompiledSchema;
    if (existsSync(schema.compiled)) {
      // createRequire, not require: in the app's startup snapshot `require` loads built-in modules only.
      fn = createRequire(schema.compiled)(schema.compiled) as CompiledSchema;
    } else {
      const Ajv = require('ajv').default as typeof import('ajv').default;
      fn = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(schema.file, 'utf8'))) as CompiledSchema;
    }
    validate = (v: unknown) =>
      fn(v) ? [] : (fn.errors ?? []).map((e) => ({ key: e.instancePath.slice(1).replace(/\//g, '.'), message: e.message ?? 'is invalid' }));
    validators.set(key, validate);
  }
  return validate(values);
}

/**
 * Checks values against the chart's vendored defaults and schema; throws one error naming the chart and every
 * offending key path. Values that are Terraform references (unresolved tokens) pass the schema's type checks only
 * where they are strings, which is what they render to.
 */
export function checkChartValues(pin: ChartPin, values: Values): void {
  const v = vendoredChart(pin);
  const problems: ChartValuesProblem[] = [];
  if (!v.partial) {
    for (const p of unknownKeys(v.defaults, values, pin.commentedKeys)) {
      const parts = p.split('.');
      let parent: unknown = v.defaults;
      for (const k of parts.slice(0, -1)) parent = isValuesMap(parent) ? parent[k] : undefined;
      const last = parts[parts.length - 1];
      // A free-form key the chart has elsewhere (`podLabels` -> `operator.podLabels`) is likely meant for that place.
      const elsewhere = FREE_FORM_KEYS.has(last) && isValuesMap(parent) ? placeOf(parent, last) : undefined;
      const guess = isValuesMap(parent) ? didYouMean(last, Object.keys(parent)) : undefined;
      const suggestion = elsewhere ? [...parts.slice(0, -1), elsewhere].join('.') : guess && [...parts.slice(0, -1), guess].join('.');
      problems.push({ kind: 'unknownKey', key: p, message: 'unknown values key', suggestion });
    }
  }
  // Helm checks the schema against the chart's defaults with the given values merged over them.
  if (v.schema) problems.push(...schemaProblems(pin, v.schema, mergeValues(v.defaults, values)).map((m) => ({ kind: 'schema' as const, key: m.key, message: m.message })));
  if (problems.length > 0) throw new ChartValuesError(pin, problems);
}

/** One problem with a release's values: the dotted key (empty for the top level) and what is wrong. */
export interface ChartValuesProblem {
  /** `unknownKey`: a key the chart's defaults do not have; `schema`: refused by the chart's values.schema.json. */
  readonly kind: 'unknownKey' | 'schema';
  readonly key: string;
  readonly message: string;
  /** The closest existing key, for a misspelt one. */
  readonly suggestion?: string;
}

/** Thrown by `checkChartValues`: the chart, and every problem with its values. */
export class ChartValuesError extends Error {
  constructor(
    readonly pin: ChartPin,
    readonly problems: readonly ChartValuesProblem[],
  ) {
    const line = (p: ChartValuesProblem) =>
      p.kind === 'unknownKey'
        ? `unknown values key "${p.key}"${p.suggestion ? ` (did you mean "${p.suggestion}"?)` : ''}`
        : `values.schema.json: ${p.key || '(top level)'} ${p.message}`;
    super(
      `chart ${pin.chart} ${pin.version}: ${problems.length} values problem${problems.length > 1 ? 's' : ''} ` +
        `(checked against vendor/charts/${pin.chart}/${pin.version}/):\n  ${problems.map(line).join('\n  ')}`,
    );
    this.name = 'ChartValuesError';
  }
}
