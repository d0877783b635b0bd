/**
 * The output folder's guarantees (docs/safety.md): one synth at a time per output folder (a lock), each run stages
 * into its own folder, and the staged output replaces the previous one file by file, each file with one atomic
 * rename, so that `cdktf.out` and every stack file in it exist at every instant (a reader sees the old or the new
 * version of a file, never none). Leftovers of a run that was killed are recovered by the next run.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, rmdirSync } from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';

/** Thrown when another synth holds the output folder's lock. */
export class OutputLockedError extends Error {
  constructor(readonly outdir: string, readonly lockPath: string) {
    super(
      `another synth is running on ${outdir} (lock ${lockPath}); wait for it to finish and run again. ` +
        'If no synth is running (a crashed machine), the lock goes stale after 30 seconds; or remove the lock folder.',
    );
    this.name = 'OutputLockedError';
  }
}

/** How long a lock lives without its holder refreshing it (proper-lockfile refreshes it every stale/2). */
const STALE_MS = 30_000;

/**
 * Takes the output folder's lock (`<outdir>.lock`, a folder created atomically; proper-lockfile). Returns the release
 * function; the lock is also released if the process exits or is killed by a signal.
 */
export function lockOutput(target: string): () => void {
  const lockfile = require('proper-lockfile') as typeof import('proper-lockfile');
  const lockPath = `${target}.lock`;
  mkdirSync(path.dirname(target), { recursive: true });
  try {
    return lockfile.lockSync(target, { realpath: false, lockfilePath: lockPath, stale: STALE_MS });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOCKED') throw new OutputLockedError(path.basename(target), path.basename(lockPath));
    throw e;
  }
}

/**
 * Cleans up after a killed run (call it holding the lock): restores `<outdir>.previous` when the output itself is
 * missing (a run of an earlier version killed between its two renames) and removes leftover staging folders.
 * Returns one line per thing done, for the user.
 */
export function recoverLeftovers(target: string): string[] {
  const dir = path.dirname(target);
  const base = path.basename(target);
  const done: string[] = [];
  const previous = `${target}.previous`;
  if (existsSync(previous)) {
    if (!existsSync(target)) {
      renameSync(previous, target);
      done.push(`restored ${base} from ${base}.previous (left by an interrupted synth)`);
    } else {
      rmSync(previous, { recursive: true, force: true });
      done.push(`removed ${base}.previous (left by an interrupted synth)`);
    }
  }
  for (const e of readdirSync(dir)) {
    if (e === `${base}.staging` || e.startsWith(`${base}.staging-`)) {
      rmSync(path.join(dir, e), { recursive: true, force: true });
      done.push(`removed ${e} (left by an interrupted synth)`);
    }
  }
  return done;
}

/** A fresh staging folder for this run, beside the output: `<outdir>.staging-<pid>-<random>`. */
export function newStaging(target: string): string {
  return `${target}.staging-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Relative paths of every file under `dir` (empty when it does not exist). */
function files(dir: string, rel = ''): string[] {
  if (!existsSync(path.join(dir, rel))) return [];
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const p = rel ? path.join(rel, e.name) : e.name;
    return e.isDirectory() ? files(dir, p) : [p];
  });
}

/**
 * Moves the staged output into `target`: every file by one atomic rename over its previous version (the manifest
 * last, so a reader that starts from it finds every stack it names), then removes the files of the previous output
 * that the new one does not have, and the staging folder.
 */
export function swapInto(staging: string, target: string): void {
  mkdirSync(target, { recursive: true });
  const next = files(staging);
  const keep = new Set(next);
  const manifestLast = [...next.filter((f) => f !== 'manifest.json'), ...next.filter((f) => f === 'manifest.json')];
  for (const f of manifestLast) {
    const to = path.join(target, f);
    mkdirSync(path.dirname(to), { recursive: true });
    renameSync(path.join(staging, f), to);
  }
  for (const f of files(target)) if (!keep.has(f)) rmSync(path.join(target, f), { force: true });
  removeEmptyDirs(target);
  rmSync(staging, { recursive: true, force: true });
}

function removeEmptyDirs(dir: string, root = dir): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) removeEmptyDirs(path.join(dir, e.name), root);
  if (dir !== root && readdirSync(dir).length === 0) rmdirSync(dir);
}
