/**
 * A platform team's own loop, in a scratch copy of the project: edit platform.yaml, see the stack snapshot test
 * fail on the change, `npm run snapshot:update`, and the tests that read the user's files pass again. The project's
 * other tests run on fixtures (`__tests__/fixtures/`) and do not read platform.yaml at all (asserted below).
 */
import { execFileSync, spawnSync } from 'child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { ROOT } from '../helpers/synth';

/** The tests that read the project's own platform.yaml (and the snapshots of it): the user's tests. */
const USER_TESTS = ['__tests__/stacks/snapshot.test.ts', '__tests__/config/load.test.ts', '__tests__/docs.test.ts'];

/** The project's files as a fresh clone has them (tracked and new, not ignored), copied to a scratch folder. */
function copyProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'clone-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const f of files) {
    if (!existsSync(path.join(ROOT, f))) continue;
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    cpSync(path.join(ROOT, f), path.join(dir, f));
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

const node = (cwd: string, ...args: string[]) => spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
const runJest = (cwd: string, ...files: string[]) => node(cwd, 'node_modules/jest/bin/jest.js', '--ci', '--runTestsByPath', ...files);

test('edit platform.yaml -> the snapshot test fails on the change -> npm run snapshot:update -> green', () => {
  const dir = copyProject();
  const file = path.join(dir, 'platform.yaml');
  const text = readFileSync(file, 'utf8');
  const edited = text.replace('apps: { kind: user, labels: { tier: frontend } }', 'apps: { kind: user, labels: { tier: backend } }');
  expect(edited).not.toBe(text);
  writeFileSync(file, edited);

  const before = runJest(dir, '__tests__/stacks/snapshot.test.ts');
  expect(before.status).toBe(1);
  expect(before.stderr).toContain('snapshots/platform/dev-infra.tf.json differs from what the configuration synthesizes to');
  expect(before.stderr).toMatch(/-\s+"tier": "frontend",\n\s+\+\s+"tier": "backend",/);

  const update = node(dir, 'scripts/ts-run.js', 'scripts/snapshot.ts');
  expect(update.status).toBe(0);
  expect(update.stdout).toContain('1 written:\n  snapshots/platform/dev-infra.tf.json\n');
  expect(readFileSync(path.join(dir, 'snapshots/platform/dev-infra.tf.json'), 'utf8')).toContain('"tier": "backend"');

  const after = runJest(dir, ...USER_TESTS);
  expect(after.stderr).toMatch(/Tests: +\d+ passed, \d+ total/);
  expect(after.status).toBe(0);
}, 120_000);

test('only the user tests read platform.yaml or the snapshots; every other test runs on fixtures', () => {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.ts') ? [path.join(d, e.name)] : []));
  const readers = walk(path.join(ROOT, '__tests__'))
    .filter((f) => /PROJECT_CONFIG_TEXT|ROOT, 'platform\.yaml'|lib\/snapshots'/.test(readFileSync(f, 'utf8')))
    .map((f) => path.relative(ROOT, f).split(path.sep).join('/'))
    .filter((f) => f !== '__tests__/helpers/synth.ts' && f !== '__tests__/cli/user-workflow.test.ts' && f !== '__tests__/snapshots/snapshots.test.ts');
  expect(readers.sort()).toEqual([...USER_TESTS].sort());
});
