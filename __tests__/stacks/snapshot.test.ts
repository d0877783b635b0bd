// Update the stack snapshots after reviewing the change: `npm run snapshot:update` (or `npm run test:update`).
/**
 * Reviewed artefacts: every stack of `platform.yaml` and of each `examples/*.yaml`, one file per stack under
 * `snapshots/<source>/<stack>.tf.json` (the Terraform JSON itself, keys sorted), so a pull request diff shows the
 * resources that changed. New examples are found, not listed. `npm run review` summarizes a change. Behaviour is
 * asserted by the other tests, on fixtures; these files only record what the configurations synthesize to.
 *
 * Like Jest's own snapshots: under `--ci` a missing or different file fails; `-u` rewrites (and deletes stale files);
 * a plain local run writes missing files only.
 */
import { mkdirSync, readFileSync, existsSync, readdirSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { createTwoFilesPatch } from 'diff';
import { expectedSnapshots, SNAPSHOT_DIR, SNAPSHOT_SUFFIX, snapshotSources } from '../../lib/snapshots';
import { ROOT } from '../helpers/synth';

/** Jest's snapshot update mode: `all` with -u, `new` on a local run, `none` under --ci. */
const mode = (): 'all' | 'new' | 'none' => (expect.getState() as { snapshotState?: { _updateSnapshot: 'all' | 'new' | 'none' } }).snapshotState?._updateSnapshot ?? 'none';
const UPDATE = 'review the change, then run `npm run snapshot:update`';
const MAX_DIFF_LINES = 80;

function write(file: string, text: string) {
  mkdirSync(path.dirname(path.join(ROOT, file)), { recursive: true });
  writeFileSync(path.join(ROOT, file), text);
}

/** Every snapshot file on disk, relative to the project root. */
function recorded(dir = path.join(ROOT, SNAPSHOT_DIR)): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? recorded(path.join(dir, e.name)) : e.name.endsWith(SNAPSHOT_SUFFIX) ? [path.relative(ROOT, path.join(dir, e.name)).split(path.sep).join('/')] : [],
  );
}

const expected = new Map(snapshotSources(ROOT).flatMap((s) => [...expectedSnapshots(ROOT, s)]));

test.each([...expected.keys()])('%s', (file) => {
  const want = expected.get(file)!;
  const full = path.join(ROOT, file);
  const have = existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  if (have === want) return;
  if (mode() === 'all' || (have === undefined && mode() === 'new')) return write(file, want);
  if (have === undefined) throw new Error(`${file} is missing: ${UPDATE}`);
  const patch = createTwoFilesPatch(`${file} (recorded)`, `${file} (synthesized)`, have, want, '', '', { context: 2 }).split('\n');
  const shown = patch.length > MAX_DIFF_LINES ? [...patch.slice(0, MAX_DIFF_LINES), `... ${patch.length - MAX_DIFF_LINES} more lines`] : patch;
  throw new Error(`${file} differs from what the configuration synthesizes to (${UPDATE}):\n${shown.join('\n')}`);
});

test('no snapshot file is left over from a stack or configuration that is gone', () => {
  const stale = recorded().filter((f) => !expected.has(f));
  if (stale.length && mode() === 'all') return stale.forEach((f) => rmSync(path.join(ROOT, f)));
  if (stale.length) throw new Error(`snapshot files without a stack (${UPDATE} to delete them):\n  ${stale.join('\n  ')}`);
});
