/**
 * The synth entry point as users run it (`npm run synth`): the bundled app in a child process.
 */
import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { FIXTURE_CONFIG, ROOT, tree } from '../helpers/synth';

const MAIN = path.join(ROOT, 'dist', 'main.js');
/** How `npm run synth` and `cdktf synth` run the bundle. */
const RUN = path.join(ROOT, 'scripts', 'run-cached.js');

// dist/main.js is built once per run by the Jest globalSetup (__tests__/global-setup.js).

/** A scratch project folder holding platform.yaml (or `text`). */
function project(text?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'main-'));
  if (text === undefined) cpSync(FIXTURE_CONFIG, path.join(dir, 'platform.yaml'));
  else writeFileSync(path.join(dir, 'platform.yaml'), text);
  return dir;
}

function run(cwd: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [RUN, MAIN], { cwd, env: { ...process.env, CDKTF_OUTDIR: '', ...env }, encoding: 'utf8' });
}


/** One synth of the fixture, shared by the tests below (each process costs about a second on a busy machine). */
let first: { dir: string; result: ReturnType<typeof run> };
beforeAll(() => {
  const dir = project();
  first = { dir, result: run(dir) };
});

test('synthesizes every stack and says where the output went', () => {
  const { dir, result: r } = first;
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/Synthesized 4 stacks from platform\.yaml into cdktf\.out\/stacks\/: dev-infra, dev-platform, prod-infra, prod-platform/);
  expect(existsSync(path.join(dir, 'cdktf.out', 'stacks', 'prod-infra', 'cdk.tf.json'))).toBe(true);
});

test('invalid configuration exits non-zero, lists every problem and writes nothing', () => {
  const dir = project();
  expect(first.result.status).toBe(0);
  cpSync(path.join(first.dir, 'cdktf.out'), path.join(dir, 'cdktf.out'), { recursive: true });
  const before = tree(path.join(dir, 'cdktf.out'));
  expect(before).toEqual(tree(path.join(first.dir, 'cdktf.out')));
  const text = readFileSync(path.join(dir, 'platform.yaml'), 'utf8')
    .replace('project: demo', 'project: Demo')
    .replace('policy: azure', 'policy: weave');
  writeFileSync(path.join(dir, 'platform.yaml'), text);
  const r = run(dir);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/^platform\.yaml: 2 configuration problems:/);
  expect(r.stderr).toMatch(/platform\.yaml:\d+:\d+: project: invalid format \(got "Demo"/);
  expect(r.stderr).toMatch(/platform\.yaml:\d+:\d+: defaults\.network\.policy: invalid value \(got "weave"; allowed "azure", "calico", "cilium", "none"\)/);
  expect(r.stderr).toMatch(/Nothing was written\./);
  expect(r.stdout).toBe('');
  expect(tree(path.join(dir, 'cdktf.out'))).toEqual(before);
});

test('PLATFORM_CONFIG selects the file', () => {
  const dir = project('not: [valid');
  cpSync(FIXTURE_CONFIG, path.join(dir, 'other.yaml'));
  const r = run(dir, { PLATFORM_CONFIG: 'other.yaml' });
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/from other\.yaml into/);
});

test('the same configuration always produces the same bytes, with the startup snapshot or without it', () => {
  const a = first.dir;
  const b = project();
  // The first run came from the startup snapshot (scripts/startup-snapshot.js): it says so on stderr when it cannot.
  expect(first.result.status).toBe(0);
  expect(first.result.stderr).not.toMatch(/without the startup snapshot/);
  expect(existsSync(`${MAIN}.snapshot`)).toBe(true);
  const plain = run(b, { SYNTH_STARTUP_SNAPSHOT: '0' });
  expect(plain.status).toBe(0);
  expect(plain.stdout).toBe(first.result.stdout);
  const ta = tree(path.join(a, 'cdktf.out'));
  expect(Object.keys(ta).length).toBeGreaterThan(4);
  expect(tree(path.join(b, 'cdktf.out'))).toEqual(ta);
  expect(JSON.stringify(ta)).not.toContain(a);
  expect(JSON.stringify(ta)).not.toContain(tmpdir());
});

describe('under the cdktf CLI', () => {
  // cdktf's AnnotationMetadataEntryType.WARN is '@cdktf/warn'; the CLI prints it as WARN [<stack>].
  test('configuration warnings are warning annotations of their environment\'s stacks, not stderr (which the CLI shows as [ERROR])', () => {
    const dir = project();
    const r = run(dir, { CDKTF_CONTEXT_JSON: '{}' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const manifest = JSON.parse(readFileSync(path.join(dir, 'cdktf.out', 'manifest.json'), 'utf8'));
    const warnings = (stack: string) => (manifest.stacks[stack].annotations as Array<{ level: string; message: string }>).filter((a) => a.level === '@cdktf/warn').map((a) => a.message);
    expect(warnings('prod-infra')).toContainEqual(expect.stringMatching(/^prod: cluster\.adminGroupObjectIds still holds the placeholder/));
    expect(warnings('prod-platform')).toEqual(warnings('prod-infra'));
    expect(warnings('dev-infra').every((w) => !w.startsWith('prod: '))).toBe(true);
  });

  test('run directly, the same warnings go to stderr labelled as warnings', () => {
    const r = first.result;
    expect(r.stderr).toMatch(/^warning: prod: cluster\.adminGroupObjectIds still holds the placeholder/m);
  });
});
