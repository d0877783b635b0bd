/**
 * `npm run review [-- --base path/to/old/cdktf.out] [--head path/to/new/cdktf.out] [--out file.md]`
 *
 * Prints (or writes) a Markdown change summary per stack for a pull request. Base: the stacks in the last committed
 * Jest snapshot (`git show HEAD:<snapshot>`, or the file when git is unavailable), or an earlier synth output given
 * with --base. Head: the current configuration synthesized in memory (or --head).
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { buildApp } from '../lib/app';
import { readStacks, type StackJson } from '../lib/baseline';
import { diffStacks, reviewMarkdown } from '../lib/baseline/review';
import { stacksFromSnapshot } from '../lib/baseline/snapshot-file';
import { ConfigError, configPath, loadConfig } from '../lib/config';

const SNAPSHOT = '__tests__/stacks/__snapshots__/snapshot.test.ts.snap';
const root = path.resolve(path.dirname(process.argv[1]), '..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** Every stack under an output folder (`stacks/<name>/cdk.tf.json`). */
function fromOutdir(dir: string): Record<string, StackJson> {
  const stacksDir = path.join(dir, 'stacks');
  if (!existsSync(stacksDir)) throw new Error(`${dir} has no stacks/ folder: not a synth output`);
  return readStacks(dir, readdirSync(stacksDir).sort());
}

function committedSnapshot(): { text: string; label: string } {
  try {
    const text = execFileSync('git', ['show', `HEAD:${SNAPSHOT}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return { text, label: `the last committed snapshot (\`${SNAPSHOT}\` at HEAD)` };
  } catch {
    return { text: readFileSync(path.join(root, SNAPSHOT), 'utf8'), label: `the snapshot file \`${SNAPSHOT}\`` };
  }
}

function synthHead(): Record<string, StackJson> {
  const config = loadConfig(configPath());
  const dir = mkdtempSync(path.join(tmpdir(), 'review-'));
  try {
    const { app } = buildApp(config, { outdir: 'cdktf.out', writeTo: dir });
    app.synth();
    return readStacks(dir, app.node.children.map((c) => c.node.id));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): number {
  try {
    const baseDir = arg('--base');
    const headDir = arg('--head');
    const base = baseDir ? { stacks: fromOutdir(path.resolve(baseDir)), label: `\`${baseDir}\`` } : (() => {
      const s = committedSnapshot();
      return { stacks: stacksFromSnapshot(s.text), label: s.label };
    })();
    const head = headDir ? fromOutdir(path.resolve(headDir)) : synthHead();
    const md = reviewMarkdown(diffStacks(base.stacks, head), base.label);
    const out = arg('--out');
    if (out) writeFileSync(out, md);
    else process.stdout.write(md);
    return 0;
  } catch (e) {
    process.stderr.write(`review failed: ${e instanceof ConfigError ? e.message : (e as Error).message}\n`);
    return 1;
  }
}

process.exitCode = main();
