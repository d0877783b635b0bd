import { mkdirSync, rmSync } from 'fs';
import * as path from 'path';
import type { PlatformConfig } from './config';
import { buildApp } from './app';
import { TFC_STACK } from './stacks/tfc-stack';
import { runbookMarkdown } from './runbook';
import { dataHolderWarnings } from './data-holder-warnings';
import { lockOutput, newStaging, recoverLeftovers, swapInto } from './output-swap';
import { BaselineError, failing, readStacks, runBaseline, todayUtc, writeFiles, type EnvironmentReport } from './baseline';

export interface SynthResult {
  /** Absolute path of the output folder. */
  readonly outdir: string;
  /** Stack names written, in order. */
  readonly stacks: string[];
  /** The security baseline per environment (also written under `reports/<env>/`). */
  readonly baseline: EnvironmentReport[];
  /** What was cleaned up after an earlier, interrupted synth (one line each). */
  readonly recovered: string[];
  /** Data holders (and the cluster) this output replaces or removes compared with the previous output, one line each. */
  readonly replacements: string[];
}

export interface SynthOptions {
  /** The date waivers are checked against (YYYY-MM-DD). @default today (UTC) */
  readonly today?: string;
  /** Configuration warnings become cdktf warning annotations on their environment's stacks. @default false */
  readonly annotateWarnings?: boolean;
}

/**
 * Synthesizes every stack into `outdir`, all or nothing: holding the output folder's lock, the app writes into this
 * run's own staging folder beside it, the
 * security baseline is evaluated on the staged stacks and its reports (and each environment's Key Vault CSI runbook)
 * are added, and only then does the staged
 * output replace the previous one, file by file, each file atomically (lib/output-swap.ts, docs/safety.md). A failure (an error annotation, a failed check, a blocking baseline failure in an
 * environment with `baseline.enforcement: fail`) leaves the earlier output exactly as it was.
 */
export function synthesize(config: PlatformConfig, outdir = 'cdktf.out', cwd = process.cwd(), options: SynthOptions = {}): SynthResult {
  const target = path.resolve(cwd, outdir);
  const relative = path.relative(cwd, target) || '.';
  mkdirSync(path.dirname(target), { recursive: true });
  // One synth at a time per output folder; each run stages into its own folder.
  const release = lockOutput(target);
  const staging = newStaging(target);
  try {
    const recovered = recoverLeftovers(target);
    const { app } = buildApp(config, { outdir: relative, writeTo: staging, annotateWarnings: options.annotateWarnings });
    app.synth();
    const names = app.node.children.map((c) => c.node.id);
    const policies = Object.fromEntries(config.environments.map((e) => [e.name, e.baseline]));
    // The baseline reviews the environments' stacks; the Terraform Cloud bootstrap stack is not one.
    const run = runBaseline(readStacks(staging, names.filter((n) => n !== TFC_STACK)), policies, options.today ?? todayUtc());
    if (failing(run.reports).length > 0) throw new BaselineError(run.reports);
    writeFiles(staging, run.files);
    writeFiles(staging, new Map(config.environments.map((e) => [`reports/${e.name}/runbook.md`, runbookMarkdown(e)])));
    const replacements = dataHolderWarnings(target, staging, names);
    swapInto(staging, target);
    return { outdir: target, stacks: names, baseline: run.reports, recovered, replacements };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    release();
  }
}
