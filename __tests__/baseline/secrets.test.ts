/**
 * No secret reaches a report, a diagram or a change summary, even when one is in the synthesized stacks.
 *
 * The real output holds only `${...}` references where secrets would be, so a scan of the real reports alone cannot
 * fail. Hence a mutated case: a copy of the real stacks with a marker planted as a literal in every place a secret
 * could sit (Helm values YAML, `set_sensitive`, a Key Vault secret, a Kubernetes Secret, a service principal, a
 * sensitive output, a PEM block), with positive controls that plant the same marker where it is meant to be shown,
 * proving the scans would see it. The real output is checked with the same walker that finds every planted literal.
 */
import { EnvironmentView, runBaseline, type StackJson } from '../../lib/baseline';
import { mentionsSensitiveKey, redactLines } from '../../lib/baseline/line-diff';
import { diffStacks, isSensitive, reviewMarkdown } from '../../lib/baseline/review';
import { add, cluster, real } from './helpers';

const SECRET = 'S3cr3t-P4ssw0rd-do-not-leak';
const OTHER = 'Rot4ted-S3cr3t-do-not-leak';
const pem = (secret: string) => `-----BEGIN CERTIFICATE-----\nMIIB${secret}\n-----END CERTIFICATE-----\n`;
const TODAY = '2026-11-25';

/** A copy of the real stacks with a secret planted as a literal wherever a secret could appear. */
function planted(SECRET = 'S3cr3t-P4ssw0rd-do-not-leak'): Record<string, StackJson> {
  const PEM = pem(SECRET);
  const s = real();
  const ingress = Object.values(s['prod-platform'].resource!.helm_release).find((r: any) => r.chart === 'ingress-nginx') as Record<string, any>;
  ingress.values = [`${ingress.values[0]}auth:\n  password: ${SECRET}\n  tls:\n    privateKey: |\n      ${PEM.replace(/\n/g, '\n      ')}\n`];
  ingress.set_sensitive = [{ name: 'controller.admissionWebhooks.token', value: SECRET }];
  cluster(s).service_principal = { client_id: '00000000-0000-0000-0000-000000000001', client_secret: SECRET };
  add(s, 'prod-infra', 'azurerm_key_vault_secret', 'db', { name: 'db-password', value: SECRET, key_vault_id: '${azurerm_key_vault.kv.id}' });
  add(s, 'prod-platform', 'kubernetes_secret_v1', 'tls', { metadata: { name: 'tls', namespace: 'orders' }, data: { 'tls.key': SECRET, 'tls.crt': PEM } });
  s['prod-infra'].output!.cluster_ca_certificate = { value: PEM, sensitive: true };
  return s;
}

/** The positive control: the marker where reports and review do show values (a tag the tags rule echoes). */
function shownOnPurpose(): Record<string, StackJson> {
  const s = real();
  cluster(s).tags = { ...cluster(s).tags, owner: SECRET };
  return s;
}

const isReference = (v: string) => /^(\$\{[^}]*\})+$/.test(v.trim());
const harmless = (v: string) => v.trim() === '' || isReference(v) || /^(true|false|null|~|""|''|\d+)$/.test(v.trim());

/** Every literal secret in the stacks: `stack address path`, for sensitive attributes, sensitive keys in YAML/JSON text and PEM blocks. */
function literalSecrets(stacks: Record<string, StackJson>): string[] {
  const found: string[] = [];
  const walk = (where: string, type: string, path: string, v: unknown, sensitive: boolean) => {
    if (typeof v === 'string') {
      if (/-----BEGIN [A-Z ]+-----/.test(v)) found.push(`${where} ${path} (PEM)`);
      if ((sensitive || isSensitive(type, path)) && !harmless(v)) found.push(`${where} ${path}`);
      else if (mentionsSensitiveKey(v)) {
        // A line the redaction changes sets a sensitive key: its value must be a reference or empty.
        const lines = v.split('\n');
        const redacted = redactLines(lines);
        if (lines.some((l, i) => l !== redacted[i] && !harmless(l.replace(/^[^:=]*[:=]/, '')))) found.push(`${where} ${path} (sensitive key)`);
      }
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(where, type, `${path}[${i}]`, x, sensitive));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== '//') walk(where, type, path ? `${path}.${k}` : k, x, sensitive);
  };
  for (const [stack, json] of Object.entries(stacks)) {
    for (const kind of ['resource', 'data'] as const) {
      for (const [type, byName] of Object.entries(json[kind] ?? {})) for (const [name, attrs] of Object.entries(byName)) walk(`${stack} ${type}.${name}`, type, '', attrs, false);
    }
    for (const [name, o] of Object.entries(json.output ?? {})) walk(`${stack} output.${name}`, 'output', 'value', o.value, o.sensitive === true);
    walk(`${stack} provider`, 'provider', '', json.provider, false);
  }
  return found.sort();
}

test('the secret scan finds every planted literal (so it can fail on the real output)', () => {
  expect(literalSecrets(planted())).toEqual([
    expect.stringMatching(/^prod-infra azurerm_key_vault_secret\.db value$/),
    expect.stringMatching(/^prod-infra azurerm_kubernetes_cluster\.\S+ service_principal\.client_secret$/),
    'prod-infra output.cluster_ca_certificate value',
    'prod-infra output.cluster_ca_certificate value (PEM)',
    expect.stringMatching(/^prod-platform helm_release\.\S+ set_sensitive\[0\]\.value$/),
    expect.stringMatching(/^prod-platform helm_release\.\S+ values\[0\] \(PEM\)$/),
    expect.stringMatching(/^prod-platform helm_release\.\S+ values\[0\] \(sensitive key\)$/),
    'prod-platform kubernetes_secret_v1.tls data.tls.crt',
    'prod-platform kubernetes_secret_v1.tls data.tls.crt (PEM)',
    'prod-platform kubernetes_secret_v1.tls data.tls.key',
  ]);
});

test('the real synthesized stacks hold no literal secret: sensitive attributes and keys are references, no PEM block', () => {
  expect(literalSecrets(real())).toEqual([]);
});

test('a planted literal secret appears in no report or diagram', () => {
  const run = runBaseline(planted(), {}, TODAY);
  expect(run.files.size).toBe(6);
  for (const [file, content] of run.files) {
    expect([file, content.includes(SECRET)]).toEqual([file, false]);
    expect([file, /BEGIN CERTIFICATE/.test(content)]).toEqual([file, false]);
  }
});

test('a planted literal secret appears nowhere on the report page: picture, settings, change review', async () => {
  const { environmentPage } = await import('../../lib/report');
  const prod = (all: Record<string, StackJson>) => Object.fromEntries(Object.entries(all).filter(([n]) => n.startsWith('prod-')));
  const page = await environmentPage(new EnvironmentView('prod', prod(planted())), { base: { stacks: real(), label: 'base' } });
  expect(page.html).toContain('<section id="review">');
  expect(page.html).not.toContain(SECRET);
  expect(page.svg).not.toContain(SECRET);
}, 60_000);

test('a literal Key Vault secret value fails AKS-KV-005, with the value redacted from the finding', () => {
  const prod = runBaseline(planted(), {}, TODAY).reports.find((r) => r.environment === 'prod')!;
  const kv = prod.findings.find((f) => f.rule === 'AKS-KV-005' && f.status === 'fail')!;
  expect(kv.detail).toBe('value is a literal string (redacted)');
});

test('a planted literal secret appears in no change summary: added, removed, or changed on both sides', () => {
  const pairs = [[real(), planted()], [planted(), real()], [planted(), planted(OTHER)]];
  for (const [a, b] of pairs) {
    const md = reviewMarkdown(diffStacks(a, b), 'base');
    expect(md).toContain('(sensitive)');
    expect(md).not.toContain(SECRET);
    expect(md).not.toContain(OTHER);
    expect(md).not.toMatch(/BEGIN CERTIFICATE/);
  }
});

test('a rotated planted secret still shows up as a change, with the values withheld', () => {
  const md = reviewMarkdown(diffStacks(planted(), planted(OTHER)), 'base');
  expect(md).toContain('- changed `azurerm_key_vault_secret.db`\n  - `value`: (sensitive) -> (sensitive)');
  expect(md).toContain('- changed `kubernetes_secret_v1.tls`\n  - `data.tls.crt`: (sensitive) -> (sensitive)\n  - `data.tls.key`: (sensitive) -> (sensitive)');
  expect(md).toMatch(/`set_sensitive\[0\]\.value`: \(sensitive\) -> \(sensitive\)/);
  expect(md).toContain('- output changed `cluster_ca_certificate` (sensitive)');
});

test('control: the same marker where a value is meant to be shown does appear, so the scans above would see a leak', () => {
  const run = runBaseline(shownOnPurpose(), {}, TODAY);
  expect([...run.files.values()].some((c) => c.includes(SECRET))).toBe(true);
  expect(reviewMarkdown(diffStacks(real(), shownOnPurpose()), 'base')).toContain(SECRET);
  expect(literalSecrets(shownOnPurpose())).toEqual([]);
});
