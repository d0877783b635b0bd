import { existsSync, mkdirSync, renameSync, rmSync } from 'fs';
import * as path from 'path';
import type { PlatformConfig } from './config';
import { buildApp } from './app';
import { TFC_STACK } from './stacks/tfc-stack';
import { runbookMarkdown } from './runbook';
import { BaselineError, failing, readStacks, runBaseline, todayUtc, writeFiles, type EnvironmentReport } from './baseline';

export interface SynthResult {
  /** Absolute path of the output folder. */
  readonly outdir: string;
  /** Stack names written, in order. */
  readonly stacks: string[];
  /** The security baseline per environment (also written under `reports/<env>/`). */
  readonly baseline: EnvironmentReport[];
}

export interface SynthOptions {
  /** The date waivers are checked against (YYYY-MM-DD). @default today (UTC) */
  readonly today?: string;
  /** Configuration warnings become cdktf warning annotations on their environment's stacks. @default false */
  readonly annotateWarnings?: boolean;
}

/**
 * Synthesizes every stack into `outdir`, all or nothing: the app writes into a staging folder beside it, the
 * security baseline is evaluated on the staged stacks and its reports (and each environment's Key Vault CSI runbook)
 * are added, and only then does the staged
 * output replace the previous one. A failure (an error annotation, a failed check, a blocking baseline failure in an
 * environment with `baseline.enforcement: fail`) leaves the earlier output exactly as it was.
 */
export function synthesize(config: PlatformConfig, outdir = 'cdktf.out', cwd = process.cwd(), options: SynthOptions = {}): SynthResult {
  const target = path.resolve(cwd, outdir);
  const relative = path.relative(cwd, target) || '.';
  const staging = `${target}.staging`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(path.dirname(target), { recursive: true });
  try {
    const { app } = buildApp(config, { outdir: relative, writeTo: staging, annotateWarnings: options.annotateWarnings });
    app.synth();
    const names = app.node.children.map((c) => c.node.id);
    const policies = Object.fromEntries(config.environments.map((e) => [e.name, e.baseline]));
    // The baseline reviews the environments' stacks; the Terraform Cloud bootstrap stack is not one.
    const run = runBaseline(readStacks(staging, names.filter((n) => n !== TFC_STACK)), policies, options.today ?? todayUtc());
    if (failing(run.reports).length > 0) throw new BaselineError(run.reports);
    writeFiles(staging, run.files);
    writeFiles(staging, new Map(config.environments.map((e) => [`reports/${e.name}/runbook.md`, runbookMarkdown(e)])));
    const old = `${target}.previous`;
    rmSync(old, { recursive: true, force: true });
    if (existsSync(target)) renameSync(target, old);
    renameSync(staging, target);
    rmSync(old, { recursive: true, force: true });
    return { outdir: target, stacks: names, baseline: run.reports };
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
}
