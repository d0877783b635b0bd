/**
 * Entry point: load and validate the configuration, then synthesize every environment's stacks.
 * Exit code 1 with every problem listed, and nothing written, when the configuration is invalid.
 */
import { closeSync, writeSync } from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import { ConfigError, configPath, loadConfig } from './lib/config';
import { consoleSummary } from './lib/baseline/report';
import { RULE_IDS } from './lib/baseline/rules';
import { synthesize } from './lib/synth';
import { OutputLockedError } from './lib/output-swap';

function main(): number {
  let config;
  try {
    config = loadConfig(configPath(), { baselineRules: RULE_IDS });
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\nNothing was written.\n`);
      return 1;
    }
    throw e;
  }
  // The cdktf CLI (it always sets CDKTF_CONTEXT_JSON) shows an app's stderr as [ERROR]: there, warnings go into the
  // synthesized stacks as warning annotations, which it prints as `WARN [<stack>]: ...`.
  const underCli = process.env.CDKTF_CONTEXT_JSON !== undefined;
  if (!underCli) for (const w of config.warnings) process.stderr.write(`warning: ${w}\n`);
  const outdir = process.env.CDKTF_OUTDIR || 'cdktf.out';
  try {
    const result = synthesize(config, outdir, process.cwd(), { annotateWarnings: underCli });
    for (const r of result.recovered) process.stderr.write(`note: ${r}\n`);
    for (const r of result.replacements) process.stderr.write(`warning: ${r}\n`);
    const rel = path.relative(process.cwd(), result.outdir) || '.';
    process.stdout.write(
      `Synthesized ${result.stacks.length} stacks from ${config.source} into ${rel}/stacks/: ${result.stacks.join(', ')}\n`,
    );
    process.stdout.write(`${consoleSummary(result.baseline)}Reports: ${rel}/reports/<environment>/baseline.md, baseline.json, diagram.md, runbook.md\n`);
    return 0;
  } catch (e) {
    if (e instanceof OutputLockedError) {
      process.stderr.write(`synth refused: ${e.message}\nNothing was written.\n`);
      return 1;
    }
    process.stderr.write(`synth failed: ${(e as Error).message}\nNothing was written; the previous output is unchanged.\n`);
    return 1;
  }
}

const run = () => {
  process.exitCode = main();
};

/** Tells scripts/run-cached.js that the startup snapshot loaded: without that word it runs the plain bundle. */
function announceSnapshotStart() {
  const fd = Number(process.env.SYNTH_SNAPSHOT_READY_FD);
  if (!(fd > 2)) return;
  try {
    writeSync(fd, 'started\n');
    closeSync(fd);
  } catch {
    // Not started by run-cached.js.
  }
}

// In a startup snapshot (scripts/startup-snapshot.js) the bundle's modules are loaded while the snapshot is built and
// main runs after it is restored, so the configuration, the charts and the environment are read at synth time.
if (v8.startupSnapshot?.isBuildingSnapshot()) {
  v8.startupSnapshot.setDeserializeMainFunction(() => {
    announceSnapshotStart();
    run();
  });
} else run();
