/**
 * End to end through lib/synth.ts: the baseline runs on the staged output before it replaces the previous one.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { BaselineError } from '../../lib/baseline';
import { synthesize } from '../../lib/synth';
import { config, configText, tree } from '../helpers/synth';

const TODAY = '2026-11-25';
/** The default file with prod's API server open to the internet (AKS-NET-002 fails there, as in dev). */
const PUBLIC = { environments: { prod: { cluster: { apiServer: { access: 'publicUnrestricted', authorizedIpRanges: [] } } } } };
const NO_WAIVERS = configText(PUBLIC);
/** The same, with a waiver for it that expires at the end of 2026. */
const WAIVED = configText({
  ...PUBLIC,
  defaults: { baseline: { waivers: [{ rule: 'AKS-NET-002', environment: 'prod', expires: '2026-12-31', reason: 'private link rollout in Q1, accepted by security' }] } },
});


test('prod fails synth on an unwaived error-level failure and writes nothing', () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'baseline-'));
  expect(() => synthesize(config(NO_WAIVERS), 'cdktf.out', cwd, { today: TODAY })).toThrow(BaselineError);
  expect(readdirSync(cwd)).toEqual([]);
});

test('the failure message names the environment and each blocking rule', () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'baseline-'));
  expect(() => synthesize(config(NO_WAIVERS), 'cdktf.out', cwd, { today: TODAY })).toThrow(/security baseline failed in prod:[\s\S]*prod: FAIL AKS-NET-002 /);
});

test('a failing synth leaves the previous output unchanged', () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'baseline-'));
  synthesize(config(), 'cdktf.out', cwd, { today: TODAY });
  const before = tree(path.join(cwd, 'cdktf.out'));
  expect(() => synthesize(config(NO_WAIVERS), 'cdktf.out', cwd, { today: TODAY })).toThrow(BaselineError);
  expect(tree(path.join(cwd, 'cdktf.out'))).toEqual(before);
});

test('dev only warns on the same violation: synth succeeds and the report records the failure', () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'baseline-'));
  const devOnly = configText({ environments: { prod: null } });
  const result = synthesize(config(devOnly), 'cdktf.out', cwd, { today: TODAY });
  const dev = result.baseline.find((r) => r.environment === 'dev')!;
  expect(dev.enforcement).toBe('warn');
  expect(dev.blocking.map((f) => f.rule)).toContain('AKS-NET-002');
  const json = JSON.parse(readFileSync(path.join(cwd, 'cdktf.out/reports/dev/baseline.json'), 'utf8'));
  expect(json.verdict).toBe('warn');
  expect(json.blocking).toContainEqual({ rule: 'AKS-NET-002', address: expect.stringMatching(/^dev-infra\.azurerm_kubernetes_cluster\./) });
});

test('the default platform.yaml passes the prod baseline with no waiver', () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'baseline-'));
  expect(config().environments.find((e) => e.name === 'prod')!.baseline.waivers).toEqual([]);
  const prod = synthesize(config(), 'cdktf.out', cwd, { today: TODAY }).baseline.find((r) => r.environment === 'prod')!;
  expect(prod.blocking).toEqual([]);
  expect(prod.findings.filter((f) => f.status === 'waived')).toEqual([]);
});

test('a waiver lets prod synth until it expires, then prod fails again', () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'baseline-'));
  expect(synthesize(config(WAIVED), 'cdktf.out', cwd, { today: TODAY }).baseline.find((r) => r.environment === 'prod')!.blocking).toEqual([]);
  expect(() => synthesize(config(WAIVED), 'cdktf.out', cwd, { today: '2027-01-01' })).toThrow(/waiver for AKS-NET-002 expired on 2026-12-31/);
});

test('writes a Markdown report, a JSON report, a diagram and the Key Vault CSI runbook per environment', () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'baseline-'));
  synthesize(config(), 'cdktf.out', cwd, { today: TODAY });
  const files = Object.keys(tree(path.join(cwd, 'cdktf.out', 'reports'))).sort();
  expect(files).toEqual(['dev/baseline.json', 'dev/baseline.md', 'dev/diagram.md', 'dev/runbook.md', 'prod/baseline.json', 'prod/baseline.md', 'prod/diagram.md', 'prod/runbook.md']);
});

test('reports are byte-identical across runs and carry no date or absolute path', () => {
  const a = mkdtempSync(path.join(tmpdir(), 'baseline-'));
  const b = mkdtempSync(path.join(tmpdir(), 'baseline-'));
  synthesize(config(), 'cdktf.out', a, { today: TODAY });
  synthesize(config(), 'cdktf.out', b, { today: '2026-12-01' });
  const ta = tree(path.join(a, 'cdktf.out', 'reports'));
  expect(tree(path.join(b, 'cdktf.out', 'reports'))).toEqual(ta);
  const all = Object.values(ta).join('\n');
  expect(all).not.toContain(TODAY);
  expect(all).not.toContain(a);
  expect(all).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
});

test('every finding in the report names its resource and its remedy', () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'baseline-'));
  synthesize(config(), 'cdktf.out', cwd, { today: TODAY });
  const json = JSON.parse(readFileSync(path.join(cwd, 'cdktf.out/reports/prod/baseline.json'), 'utf8'));
  expect(json.verdict).toBe('pass');
  for (const f of json.findings) {
    expect(f.address).toMatch(/^prod-(infra|platform)/);
    expect(f.remedy.length).toBeGreaterThan(10);
    expect(['pass', 'fail', 'waived', 'not-applicable']).toContain(f.status);
  }
  expect(existsSync(path.join(cwd, 'cdktf.out.staging'))).toBe(false);
});

test('prod with Application Gateway for Containers passes the baseline (the platform gives the ALB controller a PDB)', () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'baseline-'));
  const agc = configText({ environments: { prod: { ingress: { controller: 'agc', agc: { subnetCidr: '10.232.32.0/24' } } } } });
  const prod = synthesize(config(agc), 'cdktf.out', cwd, { today: TODAY }).baseline.find((r) => r.environment === 'prod')!;
  expect(prod.blocking).toEqual([]);
});
