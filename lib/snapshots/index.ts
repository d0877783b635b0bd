/**
 * Stack snapshots: each synthesized stack as one reviewable file, `snapshots/<source>/<stack>.tf.json` (the Terraform
 * JSON itself, keys sorted), so a pull request diff shows exactly the resources that changed. Sources are the
 * project's `platform.yaml` (`snapshots/platform/`) and every `examples/*.yaml` (`snapshots/examples/<name>/`).
 * `npm run snapshot:update` rewrites them; the snapshot test compares them with a fresh synth.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { buildApp } from '../app';
import type { StackJson } from '../baseline/stack-model';
import { parseConfig, type PlatformConfig } from '../config';

/** The folder, relative to the project root, that holds every stack snapshot. */
export const SNAPSHOT_DIR = 'snapshots';
/** The file name suffix of a stack snapshot. */
export const SNAPSHOT_SUFFIX = '.tf.json';

/** One configuration file whose stacks are snapshotted. */
export interface SnapshotSource {
  /** Folder under `snapshots/`: `platform`, or `examples/<file name without .yaml>`. */
  readonly name: string;
  /** The configuration file, relative to the project root. */
  readonly config: string;
}

/**
 * The configurations to snapshot under `root`: `platform.yaml` and every `examples/*.yaml` (found, not listed, so a
 * new example is covered as soon as it exists), in a stable order.
 */
export function snapshotSources(root: string): SnapshotSource[] {
  const out: SnapshotSource[] = [];
  if (existsSync(path.join(root, 'platform.yaml'))) out.push({ name: 'platform', config: 'platform.yaml' });
  const examples = path.join(root, 'examples');
  if (existsSync(examples)) {
    for (const f of readdirSync(examples).filter((n) => /\.ya?ml$/.test(n)).sort()) {
      out.push({ name: `examples/${f.replace(/\.ya?ml$/, '')}`, config: `examples/${f}` });
    }
  }
  return out;
}

/** JSON with object keys sorted at every level, two-space indented, ending in a newline: the same bytes every time. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(obj).sort().map((k) => [k, sortKeys(obj[k])]));
  }
  return value;
}

/** Every stack of the app for a configuration, synthesized in a scratch folder and read back, by stack name. */
export function synthStacks(config: PlatformConfig): Record<string, StackJson> {
  const dir = mkdtempSync(path.join(tmpdir(), 'stacks-'));
  try {
    const { app } = buildApp(config, { outdir: 'cdktf.out', writeTo: dir });
    app.synth();
    const out: Record<string, StackJson> = {};
    for (const child of app.node.children) {
      out[child.node.id] = JSON.parse(readFileSync(path.join(dir, 'stacks', child.node.id, 'cdk.tf.json'), 'utf8'));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The snapshot file contents a source should have, by path relative to the project root. */
export function expectedSnapshots(root: string, source: SnapshotSource): Map<string, string> {
  // Parsed under its project-relative name, so messages (and anything derived from the name) do not depend on the cwd.
  const stacks = synthStacks(parseConfig(readFileSync(path.join(root, source.config), 'utf8'), source.config));
  return new Map(Object.keys(stacks).sort().map((name) => [snapshotFile(source, name), stableJson(stacks[name])]));
}

/** `snapshots/<source>/<stack>.tf.json`. */
export function snapshotFile(source: SnapshotSource, stack: string): string {
  return `${SNAPSHOT_DIR}/${source.name}/${stack}${SNAPSHOT_SUFFIX}`;
}

/** The snapshot files on disk under a source's folder, relative to the project root. */
export function recordedSnapshots(root: string, source: SnapshotSource): string[] {
  const dir = path.join(root, SNAPSHOT_DIR, source.name);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(SNAPSHOT_SUFFIX)).sort().map((f) => `${SNAPSHOT_DIR}/${source.name}/${f}`);
}

/** The stacks recorded in snapshot files (text by path), by stack name. */
export function stacksFromSnapshots(files: ReadonlyMap<string, string>): Record<string, StackJson> {
  const out: Record<string, StackJson> = {};
  for (const [file, text] of files) out[path.basename(file, SNAPSHOT_SUFFIX)] = JSON.parse(text);
  return out;
}
