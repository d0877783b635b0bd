/** Waivers from platform.yaml: scope, reason, expiry, and their place in every report. */
import { evaluateEnvironment } from '../../lib/baseline/engine';
import { reportJson, reportMarkdown } from '../../lib/baseline/report';
import type { WaiverConfig } from '../../lib/config/schema/baseline';
import { ConfigError } from '../../lib/config';
import { config, configText } from '../helpers/synth';
import { real, view } from './helpers';

const waiver = (w: Partial<WaiverConfig>): WaiverConfig => ({ rule: 'AKS-NET-002', reason: 'private link rollout in Q1, accepted by security', expires: '2026-12-31', ...w });
/** prod with its API server open to the internet: AKS-NET-002 fails, from config. */
const PUBLIC = { environments: { prod: { cluster: { apiServer: { access: 'publicUnrestricted', authorizedIpRanges: [] } } } } };
const run = (waivers: WaiverConfig[], today = '2026-11-25') => evaluateEnvironment(view(real(PUBLIC)), { enforcement: 'fail', waivers }, today);
const statusOf = (r: ReturnType<typeof run>, id: string) => r.findings.filter((f) => f.rule === id).map((f) => f.status);

test('a waiver turns the failure into waived and unblocks the environment', () => {
  const before = run([]);
  expect(before.blocking.map((f) => f.rule)).toContain('AKS-NET-002');
  const after = run([waiver({})]);
  expect(statusOf(after, 'AKS-NET-002')).toEqual(['waived']);
  expect(after.blocking.map((f) => f.rule)).not.toContain('AKS-NET-002');
  expect(after.waivers[0].state).toBe('active');
});

test('a waiver still applies on its expiry date', () => {
  expect(statusOf(run([waiver({})], '2026-12-31'), 'AKS-NET-002')).toEqual(['waived']);
});

test('a waiver stops applying the day after its expiry date', () => {
  const r = run([waiver({})], '2027-01-01');
  expect(statusOf(r, 'AKS-NET-002')).toEqual(['fail']);
  expect(r.waivers[0].state).toBe('expired');
});

test('a waiver scoped to another environment does not apply', () => {
  expect(statusOf(run([waiver({ environment: 'dev' })]), 'AKS-NET-002')).toEqual(['fail']);
  expect(statusOf(run([waiver({ environment: 'prod' })]), 'AKS-NET-002')).toEqual(['waived']);
});

test('a waiver scoped to a resource matches its address, Terraform address or construct path, with * globs', () => {
  for (const resource of ['prod-infra/aks/cluster', 'azurerm_kubernetes_cluster.aks_cluster_*', 'prod-infra.azurerm_kubernetes_cluster.*']) {
    expect(statusOf(run([waiver({ resource })]), 'AKS-NET-002')).toEqual(['waived']);
  }
  const other = run([waiver({ resource: 'prod-infra/other/cluster' })]);
  expect(statusOf(other, 'AKS-NET-002')).toEqual(['fail']);
  expect(other.waivers[0].state).toBe('unused');
});

test('a waiver never hides a passing rule and is reported as unused', () => {
  const r = run([waiver({ rule: 'AKS-SEC-003' })]);
  expect(statusOf(r, 'AKS-SEC-003')).toEqual(['pass']);
  expect(r.waivers[0].state).toBe('unused');
});

test('every waiver appears in the Markdown and JSON reports with its reason and expiry', () => {
  const r = run([waiver({}), waiver({ rule: 'AKS-SEC-003', expires: '2026-01-01' })]);
  const md = reportMarkdown(r);
  expect(md).toContain('| AKS-NET-002 | any | any | 2026-12-31 | active | private link rollout in Q1, accepted by security |');
  expect(md).toContain('| AKS-SEC-003 | any | any | 2026-01-01 | expired |');
  expect(JSON.parse(reportJson(r)).waivers).toEqual([
    { rule: 'AKS-NET-002', reason: 'private link rollout in Q1, accepted by security', expires: '2026-12-31', state: 'active' },
    { rule: 'AKS-SEC-003', reason: 'private link rollout in Q1, accepted by security', expires: '2026-01-01', state: 'expired' },
  ]);
});

describe('waivers in platform.yaml', () => {
  const bad = (w: Record<string, unknown>) => () => config(configText({ environments: { prod: { baseline: { waivers: [w] } } } }));

  test('an unknown rule ID is a configuration error naming the place', () => {
    expect(bad({ rule: 'AKS-SEC-999', reason: 'some long reason', expires: '2026-12-31' })).toThrow(
      /environments\.prod\.baseline\.waivers\.0\.rule: unknown baseline rule \(got "AKS-SEC-999"/,
    );
  });

  test('an impossible expiry date is a configuration error', () => {
    expect(bad({ rule: 'AKS-SEC-001', reason: 'some long reason', expires: '2026-02-30' })).toThrow(/waivers\.0\.expires: not a calendar date/);
  });

  test('a waiver without a reason is rejected', () => {
    expect(bad({ rule: 'AKS-SEC-001', expires: '2026-12-31' })).toThrow(ConfigError);
  });

  test('the development preset warns and the production preset fails', () => {
    const envs = config().environments;
    expect(envs.find((e) => e.name === 'dev')!.baseline.enforcement).toBe('warn');
    expect(envs.find((e) => e.name === 'prod')!.baseline.enforcement).toBe('fail');
  });
});

test('a resource glob treats brackets and dots literally (Terraform addresses with keys), and * crosses / and .', () => {
  const { covers } = require('../../lib/baseline/waivers') as typeof import('../../lib/baseline/waivers');
  const w = (resource: string) => ({ rule: 'AKS-NET-002', reason: 'some long reason', expires: '2026-12-31', resource });
  expect(covers(w('azurerm_x.y["a"]'), 'AKS-NET-002', 'prod', 'prod-infra.azurerm_x.y["a"]')).toBe(true);
  expect(covers(w('azurerm_x.y["a"]'), 'AKS-NET-002', 'prod', 'prod-infra.azurerm_x.ya')).toBe(false);
  expect(covers(w('prod-infra/*'), 'AKS-NET-002', 'prod', 'prod-infra.azurerm_x.y', 'prod-infra/kv/vault/x')).toBe(true);
  expect(covers(w('azurerm_x.*'), 'AKS-NET-002', 'prod', 'prod-infra.azurerm_y.z')).toBe(false);
});
