/** No secret reaches a report, a diagram or a change summary, even when one is in the synthesized stacks. */
import { runBaseline } from '../../lib/baseline';
import { diffStacks, reviewMarkdown } from '../../lib/baseline/review';
import { add, real } from './helpers';

const SECRET = 'S3cr3t-P4ssw0rd-do-not-leak';

test('a literal secret value fails AKS-KV-005 and appears in no report or diagram (FIXTURE)', () => {
  const s = add(real(), 'prod-infra', 'azurerm_key_vault_secret', 'db', { name: 'db-password', value: SECRET, key_vault_id: '${azurerm_key_vault.kv.id}' });
  const run = runBaseline(s, {}, '2026-11-25');
  const prod = run.reports.find((r) => r.environment === 'prod')!;
  expect(prod.findings.find((f) => f.rule === 'AKS-KV-005')!.status).toBe('fail');
  expect(run.files.size).toBe(6);
  for (const [, content] of run.files) expect(content).not.toContain(SECRET);
  expect(reviewMarkdown(diffStacks(real(), s), 'base')).not.toContain(SECRET);
});

test('the cluster CA and kubeconfig never appear in reports (they are references, not values)', () => {
  const run = runBaseline(real(), {}, '2026-11-25');
  for (const [, content] of run.files) expect(content).not.toMatch(/BEGIN CERTIFICATE|client_key|client_certificate/);
});
