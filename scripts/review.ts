/**
 * `npm run review [-- --base path/to/old/cdktf.out] [--head path/to/new/cdktf.out] [--out file.md]`
 *
 * Prints (or writes) a Markdown change summary per stack for a pull request. Base: the stacks in the last committed
 * Jest snapshot (`git show HEAD:<snapshot>`, or the file when git is unavailable), or an earlier synth output given
 * with --base. Head: the current configuration synthesized in memory (or --head). Exit codes: 0 summary written,
 * 1 review failed (unreadable output, invalid configuration), 2 bad command line (usage on stderr); `--help` prints
 * the usage on stdout.
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
import { RULE_IDS } from '../lib/baseline/rules';

const SNAPSHOT = '__tests__/stacks/__snapshots__/snapshot.test.ts.snap';
const root = path.resolve(path.dirname(process.argv[1]), '..');

const USAGE = `Usage: npm run review [-- [--base <dir>] [--head <dir>] [--out <file>]]

Prints a Markdown change summary per stack, for a pull request.

  --base <dir>   compare with this earlier synth output (default: the last committed snapshot,
                 ${SNAPSHOT} at HEAD)
  --head <dir>   the new synth output (default: synthesize platform.yaml in memory)
  --out <file>   write the summary to a file instead of stdout
  --help, -h     print this help
`;

const VALUE_FLAGS = ['--base', '--head', '--out'] as const;
type Options = Partial<Record<(typeof VALUE_FLAGS)[number], string>> & { help?: boolean };

/** Parses the command line; throws a message naming the bad argument. `--flag=value` works too. */
function parseArgs(argv: readonly string[]): Options {
  const opts: Options = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      opts.help = true;
      continue;
    }
    const eq = a.indexOf('=');
    const name = (eq > 0 ? a.slice(0, eq) : a) as (typeof VALUE_FLAGS)[number];
    if (!VALUE_FLAGS.includes(name)) throw new Error(`unknown argument ${JSON.stringify(a)}`);
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) throw new Error(`${name} needs a value`);
    if (opts[name] !== undefined) throw new Error(`${name} given twice`);
    opts[name] = value;
  }
  return opts;
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
  const config = loadConfig(configPath(), { baselineRules: RULE_IDS });
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
  let opts: Options;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`review: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    const baseDir = opts['--base'];
    const headDir = opts['--head'];
    const base = baseDir ? { stacks: fromOutdir(path.resolve(baseDir)), label: `\`${baseDir}\`` } : (() => {
      const s = committedSnapshot();
      return { stacks: stacksFromSnapshot(s.text), label: s.label };
    })();
    const head = headDir ? fromOutdir(path.resolve(headDir)) : synthHead();
    const md = reviewMarkdown(diffStacks(base.stacks, head), base.label);
    const out = opts['--out'];
    if (out) writeFileSync(out, md);
    else process.stdout.write(md);
    return 0;
  } catch (e) {
    process.stderr.write(`review failed: ${e instanceof ConfigError ? e.message : (e as Error).message}\n`);
    return 1;
  }
}

// `npm run review | head`: a reader that stops early is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
process.exitCode = main();
