/** The baseline and the review as users run them: `npm run synth` (the bundled app) and `npm run review`. */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { FIXTURE_CONFIG, ROOT } from '../helpers/synth';

const MAIN = path.join(ROOT, 'dist', 'main.js');

// dist/main.js is built once per run by the Jest globalSetup (__tests__/global-setup.js).

/** A scratch project with platform.yaml, optionally edited. */
function project(edit: (text: string) => string = (t) => t): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'baseline-cli-'));
  writeFileSync(path.join(dir, 'platform.yaml'), edit(readFileSync(FIXTURE_CONFIG, 'utf8')));
  return dir;
}
const synth = (cwd: string) => spawnSync(process.execPath, [MAIN], { cwd, env: { ...process.env, CDKTF_OUTDIR: '' }, encoding: 'utf8' });
/** prod with the API server open to the internet (the development preset's setting), through the file's own text. */
const publicApiServer = (t: string) => t.replace('access: authorizedRanges', 'access: publicUnrestricted').replace('authorizedIpRanges: [203.0.113.0/24, 198.51.100.0/24]', 'authorizedIpRanges: []');

/** One synth of the unedited fixture, shared by the tests that read its output (a process costs about a second). */
let plain: { dir: string; result: ReturnType<typeof synth> };
beforeAll(() => {
  const dir = project();
  plain = { dir, result: synth(dir) };
});

test('synth prints the baseline summary table', () => {
  const r = plain.result;
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/Security baseline \(docs\/baseline\.md\):\n {2}environment +enforcement +verdict +pass +fail e\/w\/i +waived +n\/a\n {2}dev +warn +warn /);
  expect(r.stdout).toMatch(/\n {2}prod +fail +pass +\d+ +0\/\d+\/\d+ +0 /);
});

test('an error-level failure under warn enforcement reads as a failure that is not enforced', () => {
  const r = plain.result;
  expect(r.stdout).toMatch(/\n {2}dev: FAIL \(warn only\) AKS-[A-Z]+-\d+ /);
  expect(r.stdout).not.toMatch(/\n {2}dev: warn /);
});

test('the closing line names every report written per environment, the runbook included', () => {
  const { dir, result: r } = plain;
  const files = r.stdout.match(/\nReports: cdktf\.out\/reports\/<environment>\/(.*)\n$/)![1].split(', ');
  expect(files).toEqual(['baseline.md', 'baseline.json', 'diagram.md', 'runbook.md']);
  for (const f of files) expect(existsSync(path.join(dir, 'cdktf.out', 'reports', 'dev', f))).toBe(true);
});

test('a prod baseline failure exits non-zero and writes nothing', () => {
  const dir = project(publicApiServer);
  expect(readFileSync(path.join(dir, 'platform.yaml'), 'utf8')).toContain('access: publicUnrestricted');
  const r = synth(dir);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/synth failed: security baseline failed in prod:/);
  expect(r.stderr).toMatch(/prod: FAIL AKS-NET-002 API server private or limited to authorized IP ranges: prod-infra\.azurerm_kubernetes_cluster\./);
  expect(existsSync(path.join(dir, 'cdktf.out'))).toBe(false);
});

test('npm run review compares two synth outputs and flags replacement', () => {
  const a = plain.dir;
  const b = project((t) => t.replace('serviceCidr: 10.0.0.0/16', 'serviceCidr: 10.1.0.0/16').replace('dnsServiceIp: 10.0.0.10', 'dnsServiceIp: 10.1.0.10'));
  expect(plain.result.status).toBe(0);
  expect(synth(b).status).toBe(0);
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'scripts', 'ts-run.js'), path.join(ROOT, 'scripts', 'review.ts'), '--base', path.join(a, 'cdktf.out'), '--head', path.join(b, 'cdktf.out')],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^## Infrastructure change summary/);
  expect(r.stdout).toContain('| prod-platform | unchanged | 0 | 0 | 0 | 0 |');
  expect(r.stdout).toMatch(/`network_profile\.service_cidr`: `"10\.0\.0\.0\/16"` -> `"10\.1\.0\.0\/16"` \*\*forces replacement\*\*/);
});

test('npm run review without --base compares with the committed stack snapshots', () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'ts-run.js'), path.join(ROOT, 'scripts', 'review.ts')], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('compared with the stack snapshots committed at HEAD (`snapshots/platform/`)');
  // With nothing uncommitted the summary is empty; with local edits it lists them. Either way, every stack is there.
  for (const s of ['dev-infra', 'dev-platform', 'prod-infra', 'prod-platform']) expect(r.stdout).toMatch(new RegExp(`\\| ${s} \\| (unchanged|changed) \\|`));
});



const review = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'ts-run.js'), path.join(ROOT, 'scripts', 'review.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

test('npm run review rejects an unknown flag with the usage and exit code 2', () => {
  const r = review('--bse', 'x');
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/^review: unknown argument "--bse"\n\nUsage: npm run review /);
  expect(r.stdout).toBe('');
});

test('npm run review rejects a flag without its value', () => {
  const r = review('--base');
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/^review: --base needs a value\n/);
});

test('npm run review --help prints the usage on stdout and exits 0', () => {
  const r = review('--help');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^Usage: npm run review /);
  expect(r.stdout).toContain('--base <dir>');
  expect(r.stderr).toBe('');
});

test('npm run review -- --plan <folder> summarizes terraform show -json plans', () => {
  const r = review('--plan', path.join(ROOT, '__tests__', 'fixtures', 'plans'));
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^## Infrastructure change summary\n\nFrom Terraform's plans \(`terraform show -json`\) of `prod-infra`, `prod-platform`/);
  expect(r.stdout).toContain('| prod-infra | changed | 1 | 1 | 3 | 1 |');
  expect(r.stdout).not.toMatch(/literal-/);
});

test('npm run review -- --plan with --base is a usage error; an unreadable plan exits 1', () => {
  expect(review('--plan', 'x.json', '--base', 'cdktf.out').stderr).toMatch(/^review: --plan cannot be combined with --base or --head\n/);
  const r = review('--plan', path.join(ROOT, 'package.json'));
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/^review failed: .*package\.json: not a plan in Terraform's JSON format/);
});
