/**
 * scripts/run-cached.js with the startup snapshot (scripts/startup-snapshot.js), on a tiny stand-in for the bundle so
 * each run costs milliseconds: the blob is built on first use and rebuilt when the bundle or Node.js changes, state
 * read at run time is not baked in, and a stale, foreign or broken blob never breaks the run (it is rebuilt, or the
 * run goes on without it, saying why in one stderr line). The real bundle's output with and without the snapshot is
 * compared in main.test.ts.
 */
import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { ROOT } from '../helpers/synth';

const RUN = path.join(ROOT, 'scripts', 'run-cached.js');
const NOTE = /^note: synth without the startup snapshot \((.+)\); it only makes synth start faster\n$/;

/**
 * A bundle like dist/main.js: main.ts's snapshot protocol (defer main while the snapshot is built, announce the start
 * on the fd run-cached.js names) around a main that prints where it came from, a value fixed at load time and one
 * read from the environment at run time.
 */
const app = (label: string, extra = '') => `${extra}
const v8 = require('v8');
const fs = require('fs');
const loadedIn = process.env.TINY_STAGE || 'unset';
function main(from) {
  process.stdout.write(\`${label} from=\${from} loadedIn=\${loadedIn} who=\${process.env.WHO}\\n\`);
  process.exitCode = Number(process.env.EXIT_CODE || 0);
}
if (v8.startupSnapshot?.isBuildingSnapshot()) {
  v8.startupSnapshot.setDeserializeMainFunction(() => {
    const fd = Number(process.env.SYNTH_SNAPSHOT_READY_FD);
    if (fd > 2) { fs.writeSync(fd, 'started\\n'); fs.closeSync(fd); }
    main('snapshot');
  });
} else main('plain');
`;

function bundle(text = app('v1')): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'snapshot-')), 'main.js');
  writeFileSync(file, text);
  return file;
}

const run = (file: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [RUN, file], { encoding: 'utf8', env: { ...process.env, WHO: 'alice', TINY_STAGE: 'build', ...env } });

/** The bundle whose blob the first test builds; `built()` copies bundle, blob and stamp (no rebuild needed). */
const stamp = (file: string) => JSON.parse(readFileSync(`${file}.snapshot.json`, 'utf8'));
const id = (file: string) => ({ size: statSync(file).size, mtimeMs: statSync(file).mtimeMs });
let shared: { file: string; first: ReturnType<typeof run> };
beforeAll(() => {
  const file = bundle();
  shared = { file, first: run(file) };
});
function built(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'snapshot-')), 'main.js');
  for (const suffix of ['', '.snapshot']) cpSync(`${shared.file}${suffix}`, `${file}${suffix}`);
  writeFileSync(`${file}.snapshot.json`, JSON.stringify({ ...stamp(shared.file), bundle: id(file), blob: id(`${file}.snapshot`) }));
  return file;
}

test('the first run builds the blob beside the bundle and runs from it; later runs reuse it', () => {
  const { file, first: r } = shared;
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('v1 from=snapshot loadedIn=build who=alice\n');
  expect(existsSync(`${file}.snapshot`)).toBe(true);
  expect(stamp(file)).toMatchObject({ node: process.version, arch: process.arch, bundle: { size: statSync(file).size } });
  const builtAt = statSync(`${file}.snapshot`).mtimeMs;
  expect(run(file, { TINY_STAGE: 'second run' }).stdout).toBe('v1 from=snapshot loadedIn=build who=alice\n');
  expect(statSync(`${file}.snapshot`).mtimeMs).toBe(builtAt);
});

test('what main reads at run time (environment, files) is read then, not baked into the blob', () => {
  const file = built();
  expect(run(file, { WHO: 'bob' }).stdout).toBe('v1 from=snapshot loadedIn=build who=bob\n');
});

test('the exit code of the app is the exit code of the run', () => {
  const file = built();
  const r = run(file, { EXIT_CODE: '3' });
  expect(r.stdout).toContain('from=snapshot');
  expect(r.status).toBe(3);
});

test('a changed bundle gets a new blob', () => {
  const file = built();
  writeFileSync(file, app('v2'));
  const r = run(file);
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('v2 from=snapshot loadedIn=build who=alice\n');
});

test('a blob from another Node.js is rebuilt, not loaded', () => {
  const file = built();
  const stampFile = `${file}.snapshot.json`;
  writeFileSync(stampFile, JSON.stringify({ ...stamp(file), node: 'v18.0.0' }));
  const r = run(file, { TINY_STAGE: 'rebuilt' });
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('v1 from=snapshot loadedIn=rebuilt who=alice\n');
  expect(JSON.parse(readFileSync(stampFile, 'utf8')).node).toBe(process.version);
});

test('other V8 flags in NODE_OPTIONS get a new blob (V8 refuses one built under other flags)', () => {
  const file = built();
  const r = run(file, { NODE_OPTIONS: '--max-semi-space-size=4' });
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('v1 from=snapshot loadedIn=build who=alice\n');
  expect(stamp(file).nodeOptions).toBe('--max-semi-space-size=4');
});

test('a blob replaced after it was built (another copy, a partial write) is rebuilt, not loaded', () => {
  const file = built();
  writeFileSync(`${file}.snapshot`, 'not a snapshot');
  const r = run(file, { TINY_STAGE: 'rebuilt' });
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('v1 from=snapshot loadedIn=rebuilt who=alice\n');
});

test('a broken blob whose stamp still matches does not break the run: it runs without, says why once, and the next run rebuilds', () => {
  const file = built();
  const blob = `${file}.snapshot`;
  const stampFile = `${blob}.json`;
  truncateSync(blob, 4096); // Node.js crashes on such a blob
  writeFileSync(stampFile, JSON.stringify({ ...stamp(file), blob: id(blob) }));
  const r = run(file);
  expect(r.status).toBe(0);
  expect(r.stdout).toBe('v1 from=plain loadedIn=build who=alice\n');
  expect(r.stderr).toMatch(NOTE);
  expect(r.stderr.match(NOTE)![1]).toMatch(/^the snapshot did not load \(.+\); it will be rebuilt$/);
  expect(existsSync(blob)).toBe(false);
  expect(run(file).stdout).toBe('v1 from=snapshot loadedIn=build who=alice\n');
});

test('a bundle that cannot be snapshotted runs without the snapshot, saying why in one stderr line', () => {
  // A user-land require at load time: the snapshot builder only has the built-in modules.
  const file = bundle(app('v1', `require(${JSON.stringify(path.join(ROOT, 'scripts', 'lazy-stack-trace.js'))});`));
  const r = run(file);
  expect(r.status).toBe(0);
  expect(r.stdout).toBe('v1 from=plain loadedIn=build who=alice\n');
  expect(r.stderr).toMatch(NOTE);
  expect(r.stderr.match(NOTE)![1]).toMatch(/^no snapshot built yet; building it failed: node --build-snapshot failed: /);
});

test('SYNTH_STARTUP_SNAPSHOT=0 runs the bundle without the snapshot and builds none', () => {
  const file = bundle();
  const r = run(file, { SYNTH_STARTUP_SNAPSHOT: '0' });
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('v1 from=plain loadedIn=build who=alice\n');
  expect(existsSync(`${file}.snapshot`)).toBe(false);
});
