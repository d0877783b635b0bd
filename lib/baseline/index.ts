/**
 * The synth-time baseline: reads the staged stacks, evaluates the rules per environment, and writes the reports
 * and diagrams beside the stacks (`reports/<env>/baseline.md`, `baseline.json`, `diagram.md`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import type { BaselinePolicy } from './types';
import { diagramMarkdown } from './diagram';
import { evaluateEnvironment, failing, STRICT } from './engine';
import { consoleSummary, reportJson, reportMarkdown } from './report';
import { environmentViews, type StackJson } from './stack-model';
import type { EnvironmentReport } from './types';

export { RULES, RULE_IDS } from './rules';
export { evaluateEnvironment, failing } from './engine';
export { consoleSummary, reportJson, reportMarkdown, summarize } from './report';
export { diagramMarkdown, diagramMermaid } from './diagram';
export { EnvironmentView, environmentViews } from './stack-model';
export type { StackJson } from './stack-model';
export type { EnvironmentReport, Finding, Rule } from './types';
export { todayUtc } from './waivers';

/** Raised when an environment under `enforcement: fail` has unwaived error-level failures. */
export class BaselineError extends Error {
  constructor(readonly reports: EnvironmentReport[]) {
    super(
      `security baseline failed in ${failing(reports).map((r) => r.environment).join(', ')}:\n${consoleSummary(reports).trimEnd()}\n` +
        'Fix the failures (docs/baseline.md says how) or add a dated waiver under baseline.waivers in platform.yaml.',
    );
    this.name = 'BaselineError';
  }
}

/** Reads `stacks/<name>/cdk.tf.json` for each stack under a synth output folder. */
export function readStacks(outdir: string, names: readonly string[]): Record<string, StackJson> {
  const out: Record<string, StackJson> = {};
  for (const n of names) out[n] = JSON.parse(readFileSync(path.join(outdir, 'stacks', n, 'cdk.tf.json'), 'utf8'));
  return out;
}

export interface BaselineRun {
  readonly reports: EnvironmentReport[];
  /** Files to write, relative to the output folder, with their content. */
  readonly files: ReadonlyMap<string, string>;
}

/** Evaluates the stacks and renders every report; writes nothing. */
export function runBaseline(stacks: Record<string, StackJson>, policies: Record<string, BaselinePolicy>, today: string): BaselineRun {
  const files = new Map<string, string>();
  const reports: EnvironmentReport[] = [];
  for (const view of environmentViews(stacks)) {
    const report = evaluateEnvironment(view, policies[view.name] ?? STRICT, today);
    reports.push(report);
    const dir = `reports/${view.name}`;
    files.set(`${dir}/baseline.md`, reportMarkdown(report));
    files.set(`${dir}/baseline.json`, reportJson(report));
    files.set(`${dir}/diagram.md`, diagramMarkdown(view));
  }
  return { reports, files };
}

export function writeFiles(outdir: string, files: ReadonlyMap<string, string>): void {
  for (const [rel, content] of files) {
    const file = path.join(outdir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}
