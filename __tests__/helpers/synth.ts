/**
 * Test helpers: build configuration in memory and synthesize it once per distinct input (cached), returning each
 * stack's Terraform JSON. Tests read only the project's own files (never ../shared).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { ConfigError, parseConfig, type PlatformConfig } from '../../lib/config';
import { deepMerge } from '../../lib/config/merge';
import { cached } from './synth-cache';

export const ROOT = path.resolve(__dirname, '..', '..');
/**
 * The configuration the tests build on: a fixed copy of the example platform.yaml, so the suite does not depend on
 * how a user has edited their own platform.yaml (only the snapshot test and the review read that one).
 */
export const FIXTURE_CONFIG = path.join(ROOT, '__tests__', 'fixtures', 'platform.yaml');
export const DEFAULT_CONFIG_TEXT = readFileSync(FIXTURE_CONFIG, 'utf8');
/** The project's own platform.yaml: what `npm run synth` synthesizes and the snapshots record. */
export const PROJECT_CONFIG_TEXT = readFileSync(path.join(ROOT, 'platform.yaml'), 'utf8');

/** A parsed Terraform JSON stack. */
export type StackJson = {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  output?: Record<string, { value: unknown; sensitive?: boolean }>;
  provider?: Record<string, Record<string, unknown>[]>;
  terraform?: Record<string, unknown>;
  [k: string]: unknown;
};

/** The default platform.yaml as an object, for tests to vary. */
export function defaultConfigObject(): Record<string, unknown> {
  return deepMerge(require('yaml').parse(DEFAULT_CONFIG_TEXT));
}

/** platform.yaml text with `patch` deep-merged over the default file (`null` removes a key). */
export function configText(patch: Record<string, unknown> = {}): string {
  return stringify(deepMerge(defaultConfigObject(), patch));
}

/** The baseline's rule IDs, which waivers are checked against (loaded on first use, as the app passes them). */
function baselineRules(): ReadonlySet<string> {
  return (require('../../lib/baseline/rules') as typeof import('../../lib/baseline/rules')).RULE_IDS;
}

/** Parses configuration text (the default file unless given). */
export function config(text = DEFAULT_CONFIG_TEXT): PlatformConfig {
  return parseConfig(text, 'platform.yaml', { baselineRules: baselineRules() });
}

/** The printed problem lines of invalid configuration text (fails when the text is accepted). */
export function problems(text: string): string[] {
  try {
    parseConfig(text, 'platform.yaml', { baselineRules: baselineRules() });
  } catch (e) {
    if (e instanceof ConfigError) return e.message.split('\n').slice(1).map((l) => l.trim());
    throw e;
  }
  throw new Error('configuration was accepted');
}

/** The problem lines for the default file with `patch` merged in (fails when it is accepted). */
export function problemsWith(patch: Record<string, unknown>): string[] {
  return problems(configText(patch));
}

const cache = new Map<string, Record<string, StackJson>>();
const manifests = new Map<string, { stacks: Record<string, { dependencies: string[] }> }>();

/** The cdktf manifest (stack dependencies, paths) of the app for this configuration text. */
export function manifest(text = DEFAULT_CONFIG_TEXT) {
  synthAll(text);
  return manifests.get(text)!;
}

/**
 * Every stack of the app for this configuration text, by stack name, synthesized once per run (and kept across runs
 * while lib/ and the other sources are unchanged: helpers/synth-cache.js) and once per test file in memory. With
 * `onlyEnv`, only that environment's stacks are built (environments share nothing, so its stacks are the same bytes;
 * half the work for a test that patches one environment).
 */
export function synthAll(text = DEFAULT_CONFIG_TEXT, onlyEnv?: string): Record<string, StackJson> {
  const key = onlyEnv ? `${onlyEnv}\n${text}` : text;
  const hit = cache.get(key) ?? (onlyEnv ? pick(cache.get(text), onlyEnv) : undefined);
  if (hit) return hit;
  const result = JSON.parse(cached(`synthAll\0${key}`, () => JSON.stringify(synthesizeApp(text, onlyEnv)))) as SynthOutput;
  manifests.set(key, result.manifest);
  cache.set(key, result.stacks);
  return result.stacks;
}

interface SynthOutput {
  manifest: { stacks: Record<string, { dependencies: string[] }> };
  stacks: Record<string, StackJson>;
}

/** A whole-app synth (not Testing.synth per stack): cross-stack references resolve only at app level. */
function synthesizeApp(text: string, onlyEnv?: string): SynthOutput {
  // Loaded on first use: a test file whose configurations are all cached never loads the app.
  const { buildApp } = require('../../lib/app') as typeof import('../../lib/app');
  const dir = mkdtempSync(path.join(tmpdir(), 'synth-'));
  try {
    const cfg = config(text);
    const { app } = buildApp(onlyEnv ? { ...cfg, environments: cfg.environments.filter((e) => e.name === onlyEnv) } : cfg, {
      outdir: 'cdktf.out',
      writeTo: dir,
    });
    app.synth();
    const stacks: Record<string, StackJson> = {};
    for (const child of app.node.children) {
      const name = child.node.id;
      stacks[name] = JSON.parse(readFileSync(path.join(dir, 'stacks', name, 'cdk.tf.json'), 'utf8'));
    }
    return { manifest: JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')), stacks };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The stacks of one environment out of a whole-app result, if there is one. */
function pick(all: Record<string, StackJson> | undefined, env: string): Record<string, StackJson> | undefined {
  return all && Object.fromEntries(Object.entries(all).filter(([n]) => n.startsWith(`${env}-`)));
}

/** One stack of the default config, or of the default config with `patch` merged in (only its environment is built). */
export function stack(name: string, patch?: Record<string, unknown>): StackJson {
  const s = synthAll(patch ? configText(patch) : DEFAULT_CONFIG_TEXT, name.replace(/-[^-]+$/, ''))[name];
  if (!s) throw new Error(`no stack ${name}`);
  return s;
}

/** The single resource of `type` in a stack (fails when there is not exactly one). */
export function only(s: StackJson, type: string): Record<string, any> {
  const all = Object.values(s.resource?.[type] ?? {});
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0] as Record<string, any>;
}

/** All resources of `type` in a stack, by logical name. */
export function all(s: StackJson, type: string): Record<string, Record<string, any>> {
  return (s.resource?.[type] ?? {}) as Record<string, Record<string, any>>;
}

/** Every file under a folder with its content, by relative path (for before/after comparisons). */
export function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}
