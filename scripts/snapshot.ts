/**
 * `npm run snapshot:update`: rewrites the stack snapshots (`snapshots/<source>/<stack>.tf.json`) of platform.yaml and
 * every examples/*.yaml, and deletes the files of stacks that are gone. The same files `npm run test:update` writes,
 * without running the rest of the suite. Exit code 1 with the problems when a configuration is invalid (nothing is
 * written then).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { ConfigError } from '../lib/config';
import { expectedSnapshots, SNAPSHOT_DIR, SNAPSHOT_SUFFIX, snapshotSources } from '../lib/snapshots';

const root = path.resolve(path.dirname(process.argv[1]), '..');

function recorded(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? recorded(path.join(dir, e.name)) : e.name.endsWith(SNAPSHOT_SUFFIX) ? [path.relative(root, path.join(dir, e.name)).split(path.sep).join('/')] : [],
  );
}

function main(): number {
  const want = new Map<string, string>();
  try {
    for (const source of snapshotSources(root)) for (const [f, text] of expectedSnapshots(root, source)) want.set(f, text);
  } catch (e) {
    process.stderr.write(`snapshot:update failed: ${e instanceof ConfigError ? e.message : (e as Error).message}\nNo snapshot was written.\n`);
    return 1;
  }
  const changed: string[] = [];
  for (const [file, text] of want) {
    const full = path.join(root, file);
    if (existsSync(full) && readFileSync(full, 'utf8') === text) continue;
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    changed.push(file);
  }
  const stale = recorded(path.join(root, SNAPSHOT_DIR)).filter((f) => !want.has(f));
  for (const f of stale) rmSync(path.join(root, f));
  const list = (xs: string[]) => (xs.length ? `:\n  ${xs.join('\n  ')}` : '');
  process.stdout.write(`${want.size} stack snapshots; ${changed.length} written${list(changed)}\n${stale.length ? `${stale.length} deleted${list(stale)}\n` : ''}`);
  return 0;
}

process.exitCode = main();
