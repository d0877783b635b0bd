import { existsSync, mkdirSync, renameSync, rmSync } from 'fs';
import * as path from 'path';
import type { PlatformConfig } from './config';
import { buildApp } from './app';

export interface SynthResult {
  /** Absolute path of the output folder. */
  readonly outdir: string;
  /** Stack names written, in order. */
  readonly stacks: string[];
}

/**
 * Synthesizes every stack into `outdir`, all or nothing: the app writes into a staging folder beside it, and only a
 * complete synth replaces the previous output. A failure (an error annotation, a failed check) leaves the earlier
 * output exactly as it was.
 */
export function synthesize(config: PlatformConfig, outdir = 'cdktf.out', cwd = process.cwd()): SynthResult {
  const target = path.resolve(cwd, outdir);
  const relative = path.relative(cwd, target) || '.';
  const staging = `${target}.staging`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(path.dirname(target), { recursive: true });
  try {
    const { app } = buildApp(config, { outdir: relative, writeTo: staging });
    app.synth();
    const names = app.node.children.map((c) => c.node.id);
    const old = `${target}.previous`;
    rmSync(old, { recursive: true, force: true });
    if (existsSync(target)) renameSync(target, old);
    renameSync(staging, target);
    rmSync(old, { recursive: true, force: true });
    return { outdir: target, stacks: names };
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
}
