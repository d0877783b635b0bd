/**
 * Report writers: per environment a Markdown and a JSON report, and a short console summary. No timestamps and no
 * absolute paths, so the same configuration on the same day gives byte-identical reports.
 */
import type { EnvironmentReport, Finding, Status } from './types';

const STATUSES: Status[] = ['pass', 'fail', 'waived', 'not-applicable'];

export interface Summary {
  readonly pass: number;
  readonly fail: { readonly error: number; readonly warning: number; readonly info: number };
  readonly waived: number;
  readonly notApplicable: number;
}

export function summarize(r: EnvironmentReport): Summary {
  const fails = r.findings.filter((f) => f.status === 'fail');
  const n = (s: Status) => r.findings.filter((f) => f.status === s).length;
  return {
    pass: n('pass'),
    fail: {
      error: fails.filter((f) => f.severity === 'error').length,
      warning: fails.filter((f) => f.severity === 'warning').length,
      info: fails.filter((f) => f.severity === 'info').length,
    },
    waived: n('waived'),
    notApplicable: n('not-applicable'),
  };
}

/** Overall verdict of one environment. */
export function verdict(r: EnvironmentReport): 'pass' | 'fail' | 'warn' {
  if (r.blocking.length === 0) return 'pass';
  return r.enforcement === 'fail' ? 'fail' : 'warn';
}

export function reportJson(r: EnvironmentReport): string {
  const doc = {
    environment: r.environment,
    enforcement: r.enforcement,
    verdict: verdict(r),
    stacks: r.stacks,
    summary: summarize(r),
    blocking: r.blocking.map((f) => ({ rule: f.rule, address: f.address })),
    waivers: r.waivers,
    findings: r.findings,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const STATUS_LABEL: Record<Status, string> = { pass: 'pass', fail: '**FAIL**', waived: 'waived', 'not-applicable': 'n/a' };

function findingRow(f: Finding): string {
  return `| ${f.rule} | ${f.severity} | ${STATUS_LABEL[f.status]} | \`${cell(f.address)}\` | ${cell(f.detail)} |`;
}

export function reportMarkdown(r: EnvironmentReport): string {
  const s = summarize(r);
  const lines: string[] = [
    `# Security baseline: ${r.environment}`,
    '',
    `Rules from seed 004 (AKS Best Practices & Security Baseline) and the Checkov/Trivy checks for AKS, Key Vault, ACR and storage, evaluated on the synthesized stacks ${r.stacks.map((x) => `\`${x}\``).join(', ')}. Enforcement: **${r.enforcement}**. Verdict: **${verdict(r)}**.`,
    '',
    '| pass | fail (error) | fail (warning) | fail (info) | waived | not applicable |',
    '|---:|---:|---:|---:|---:|---:|',
    `| ${s.pass} | ${s.fail.error} | ${s.fail.warning} | ${s.fail.info} | ${s.waived} | ${s.notApplicable} |`,
    '',
    '## Waivers',
    '',
  ];
  if (r.waivers.length === 0) lines.push('None.');
  else {
    lines.push('| rule | environment | resource | expires | state | reason |', '|---|---|---|---|---|---|');
    for (const w of r.waivers) {
      lines.push(`| ${w.rule} | ${w.environment ?? 'any'} | ${w.resource ? `\`${cell(w.resource)}\`` : 'any'} | ${w.expires} | ${w.state} | ${cell(w.reason)} |`);
    }
  }
  const attention = r.findings.filter((f) => f.status === 'fail' || f.status === 'waived');
  lines.push('', '## Failures and what to change', '');
  if (attention.length === 0) lines.push('None.');
  for (const f of attention) {
    lines.push(
      `- **${f.rule}** ${f.title} (${f.severity}, ${f.status}${f.waiver !== undefined ? ` by waiver ${f.waiver + 1}` : ''})`,
      `  - resource: \`${f.address}\`${f.path ? ` (\`${f.path}\`)` : ''}`,
      `  - seen: ${f.detail}`,
      `  - remedy: ${f.remedy}`,
    );
  }
  lines.push('', '## Every rule', '', '| rule | severity | status | resource | seen |', '|---|---|---|---|---|');
  for (const f of r.findings) lines.push(findingRow(f));
  lines.push('', '## Rule catalog', '', '| rule | title | area | seed section | scanners |', '|---|---|---|---|---|');
  const seen = new Set<string>();
  for (const f of r.findings) {
    if (seen.has(f.rule)) continue;
    seen.add(f.rule);
    lines.push(`| ${f.rule} | ${cell(f.title)} | ${f.area} | ${cell(f.seed)} | ${f.scanners.join(', ') || '-'} |`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The console summary: one table row per environment, then each error-level failure on its own line, marked `FAIL`
 * where enforcement stops synth and `FAIL (warn only)` where enforcement is `warn` (the failure is real; only the exit
 * code ignores it).
 */
export function consoleSummary(reports: readonly EnvironmentReport[]): string {
  const rows = reports.map((r) => {
    const s = summarize(r);
    return [r.environment, r.enforcement, verdict(r), String(s.pass), `${s.fail.error}/${s.fail.warning}/${s.fail.info}`, String(s.waived), String(s.notApplicable)];
  });
  const head = ['environment', 'enforcement', 'verdict', 'pass', 'fail e/w/i', 'waived', 'n/a'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  const out = ['Security baseline (docs/baseline.md):', `  ${fmt(head)}`, ...rows.map((r) => `  ${fmt(r)}`)];
  for (const r of reports) {
    for (const f of r.blocking) out.push(`  ${r.environment}: ${r.enforcement === 'fail' ? 'FAIL' : 'FAIL (warn only)'} ${f.rule} ${f.title}: ${f.address}`);
    for (const w of r.waivers) if (w.state === 'expired') out.push(`  ${r.environment}: waiver for ${w.rule} expired on ${w.expires}`);
  }
  return `${out.join('\n')}\n`;
}

export { STATUSES };
