/**
 * Concurrent and interrupted synths (docs/safety.md): one synth at a time per output folder, a per-run staging
 * folder, an output swap that leaves every stack file present at every instant, recovery of a killed run's leftovers,
 * and `npm run synth` passing a kill on to the synth it runs.
 */
import { execFileSync, spawn, spawnSync } from 'child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { synthesize } from '../../lib/synth';
import { lockOutput, OutputLockedError } from '../../lib/output-swap';
import { config, FIXTURE_CONFIG, ROOT, tree } from '../helpers/synth';

const MAIN = path.join(ROOT, 'dist', 'main.js');
const RUN = path.join(ROOT, 'scripts', 'run-cached.js');
const TODAY = '2026-01-15';

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.js')]);
}, 60_000);

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'concurrent-'));
  cpSync(FIXTURE_CONFIG, path.join(dir, 'platform.yaml'));
  return dir;
}

test('a synth while another holds the output lock is refused with a clear message and writes nothing', () => {
  const dir = project();
  synthesize(config(), 'cdktf.out', dir, { today: TODAY });
  const before = tree(path.join(dir, 'cdktf.out'));
  const release = lockOutput(path.join(dir, 'cdktf.out'));
  try {
    expect(() => synthesize(config(), 'cdktf.out', dir, { today: TODAY })).toThrow(OutputLockedError);
    expect(() => synthesize(config(), 'cdktf.out', dir, { today: TODAY })).toThrow(/another synth is running on cdktf\.out \(lock cdktf\.out\.lock\)/);
    const r = spawnSync(process.execPath, [RUN, MAIN], { cwd: dir, env: { ...process.env, CDKTF_OUTDIR: '' }, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/synth refused: another synth is running on cdktf\.out/);
  } finally {
    release();
  }
  expect(tree(path.join(dir, 'cdktf.out'))).toEqual(before);
  expect(existsSync(path.join(dir, 'cdktf.out.lock'))).toBe(false);
});

test('each run stages into its own folder and leaves none behind', () => {
  const dir = project();
  synthesize(config(), 'cdktf.out', dir, { today: TODAY });
  expect(readdirSync(dir).sort()).toEqual(['cdktf.out', 'platform.yaml']);
});

test('leftovers of a killed run are recovered: a lone .previous becomes the output again, staging folders go', () => {
  const dir = project();
  synthesize(config(), 'cdktf.out', dir, { today: TODAY });
  const good = tree(path.join(dir, 'cdktf.out'));
  // A run of the earlier two-rename swap killed between its renames: no cdktf.out, only cdktf.out.previous.
  execFileSync('mv', [path.join(dir, 'cdktf.out'), path.join(dir, 'cdktf.out.previous')]);
  mkdirSync(path.join(dir, 'cdktf.out.staging-1-dead/stacks'), { recursive: true });
  writeFileSync(path.join(dir, 'cdktf.out.staging-1-dead/stacks/x'), 'partial');
  mkdirSync(path.join(dir, 'cdktf.out.staging'));
  const r = synthesize(config(), 'cdktf.out', dir, { today: TODAY });
  expect(r.recovered).toEqual([
    'restored cdktf.out from cdktf.out.previous (left by an interrupted synth)',
    'removed cdktf.out.staging (left by an interrupted synth)',
    'removed cdktf.out.staging-1-dead (left by an interrupted synth)',
  ]);
  expect(readdirSync(dir).sort()).toEqual(['cdktf.out', 'platform.yaml']);
  expect(tree(path.join(dir, 'cdktf.out'))).toEqual(good);
});

test('a stack the new output no longer has is removed from the output', () => {
  const dir = project();
  synthesize(config(), 'cdktf.out', dir, { today: TODAY });
  const stale = path.join(dir, 'cdktf.out', 'stacks', 'old-infra', 'cdk.tf.json');
  mkdirSync(path.dirname(stale), { recursive: true });
  writeFileSync(stale, '{}');
  synthesize(config(), 'cdktf.out', dir, { today: TODAY });
  expect(existsSync(path.dirname(stale))).toBe(false);
});

test('while synths run, cdktf.out and every stack file exist at every instant, and two at once never leave it partial', async () => {
  const dir = project();
  synthesize(config(), 'cdktf.out', dir, { today: TODAY });
  const files = ['dev-infra', 'dev-platform', 'prod-infra', 'prod-platform'].map((s) => path.join(dir, 'cdktf.out', 'stacks', s, 'cdk.tf.json'));
  files.push(path.join(dir, 'cdktf.out', 'manifest.json'));
  const start = () =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const c = spawn(process.execPath, [RUN, MAIN], { cwd: dir, env: { ...process.env, CDKTF_OUTDIR: '' } });
      let stderr = '';
      c.stderr.on('data', (d) => (stderr += d));
      c.on('exit', (code) => resolve({ code, stderr }));
    });
  let done = false;
  let missing = 0;
  let polls = 0;
  const poll = (async () => {
    while (!done) {
      for (const f of files) if (!existsSync(f)) missing++;
      polls++;
      await new Promise((r) => setImmediate(r));
    }
  })();
  const results = await Promise.all([start(), start(), start()]);
  done = true;
  await poll;
  expect(polls).toBeGreaterThan(10);
  expect(missing).toBe(0);
  for (const r of results) {
    if (r.code !== 0) expect(r.stderr).toMatch(/another synth is running/);
  }
  expect(results.some((r) => r.code === 0)).toBe(true);
  for (const f of files) expect(() => JSON.parse(readFileSync(f, 'utf8'))).not.toThrow();
  expect(readdirSync(dir).sort()).toEqual(['cdktf.out', 'platform.yaml']);
}, 120_000);

test('killing npm run synth (scripts/synth.js) stops the synth it started: nothing changes the output afterwards', async () => {
  const dir = project();
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'synth.js')], { cwd: dir, env: { ...process.env, CDKTF_OUTDIR: '' }, stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 300));
  child.kill('SIGTERM');
  const signal = await new Promise((r) => child.on('exit', (_, s) => r(s)));
  expect(signal).toBe('SIGTERM');
  const atExit = existsSync(path.join(dir, 'cdktf.out')) ? tree(path.join(dir, 'cdktf.out')) : undefined;
  // Before the fix the orphaned synth carried on and wrote cdktf.out seconds later.
  await new Promise((r) => setTimeout(r, 6000));
  expect(existsSync(path.join(dir, 'cdktf.out')) ? tree(path.join(dir, 'cdktf.out')) : undefined).toEqual(atExit);
}, 60_000);
