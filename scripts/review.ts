/**
 * `npm run review [-- --base path/to/old/cdktf.out] [--head path/to/new/cdktf.out] [--out file.md]`
 * `npm run review -- --plan <plan.json|folder> [--plan ...] [--out file.md]`
 *
 * Prints (or writes) a Markdown change summary per stack for a pull request. Base: the stack snapshots committed at
 * HEAD (`snapshots/platform/*.tf.json`, or the files on disk when git is unavailable), or an earlier synth output
 * given with --base. Head: the current configuration synthesized in memory (or --head). Exit codes: 0 summary written,
 * 1 review failed (unreadable output, invalid configuration), 2 bad command line (usage on stderr); `--help` prints
 * the usage on stdout.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { buildApp } from '../lib/app';
import { readStacks, type StackJson } from '../lib/baseline';
import { planChanges, readPlans } from '../lib/baseline/plan-review';
import { diffStacks, reviewMarkdown } from '../lib/baseline/review';
import { ConfigError, configPath, loadConfig } from '../lib/config';
import { RULE_IDS } from '../lib/baseline/rules';
import { SNAPSHOT_SUFFIX, snapshotFile, snapshotSources, stacksFromSnapshots, type SnapshotSource } from '../lib/snapshots';

const root = path.resolve(path.dirname(process.argv[1]), '..');

const USAGE = `Usage: npm run review [-- [--base <dir>] [--head <dir>] [--out <file>]]
       npm run review -- --plan <file|folder> [--plan ...] [--out <file>]

Prints a Markdown change summary per stack, for a pull request.

  --base <dir>   compare with this earlier synth output (default: the stack snapshots
                 committed at HEAD, snapshots/platform/*.tf.json)
  --head <dir>   the new synth output (default: synthesize platform.yaml in memory)
  --plan <path>  summarize Terraform's plans instead: a \`terraform show -json\` file per stack
                 (named <stack>.json), or a folder of them (<stack>.json or <stack>/plan.json);
                 repeatable; replacement, drift and unknown values as Terraform reports them
  --out <file>   write the summary to a file instead of stdout
  --help, -h     print this help
`;

const VALUE_FLAGS = ['--base', '--head', '--out', '--plan'] as const;
type Options = Partial<Record<(typeof VALUE_FLAGS)[number], string>> & { help?: boolean; plans: string[] };

/** Parses the command line; throws a message naming the bad argument. `--flag=value` works too. */
function parseArgs(argv: readonly string[]): Options {
  const opts: Options = { plans: [] };
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
    if (name === '--plan') {
      opts.plans.push(value);
      continue;
    }
    if (opts[name] !== undefined) throw new Error(`${name} given twice`);
    opts[name] = value;
  }
  if (opts.plans.length && (opts['--base'] || opts['--head'])) throw new Error('--plan cannot be combined with --base or --head');
  return opts;
}

/** Every stack under an output folder (`stacks/<name>/cdk.tf.json`). */
function fromOutdir(dir: string): Record<string, StackJson> {
  const stacksDir = path.join(dir, 'stacks');
  if (!existsSync(stacksDir)) throw new Error(`${dir} has no stacks/ folder: not a synth output`);
  return readStacks(dir, readdirSync(stacksDir).sort());
}

/** The snapshot source of the configuration being reviewed (platform.yaml, or an example through PLATFORM_CONFIG). */
function reviewedSource(): SnapshotSource {
  const rel = path.relative(root, configPath()).split(path.sep).join('/');
  return snapshotSources(root).find((s) => s.config === rel) ?? { name: 'platform', config: rel };
}

/** The stack snapshots of a source as committed at HEAD, or as on disk when git is unavailable. */
function committedSnapshots(source: SnapshotSource): { stacks: Record<string, StackJson>; label: string } {
  const dir = path.posix.dirname(snapshotFile(source, 'x'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const files = new Map<string, string>();
  try {
    for (const f of git('ls-tree', '--name-only', 'HEAD', `${dir}/`).split('\n').filter((l) => l.endsWith(SNAPSHOT_SUFFIX))) files.set(f, git('show', `HEAD:${f}`));
    return { stacks: stacksFromSnapshots(files), label: `the stack snapshots committed at HEAD (\`${dir}/\`)` };
  } catch {
    const full = path.join(root, dir);
    for (const f of existsSync(full) ? readdirSync(full).filter((n) => n.endsWith(SNAPSHOT_SUFFIX)) : []) files.set(f, readFileSync(path.join(full, f), 'utf8'));
    return { stacks: stacksFromSnapshots(files), label: `the stack snapshots in \`${dir}/\`` };
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

function emit(md: string, out: string | undefined) {
  if (out) writeFileSync(out, md);
  else process.stdout.write(md);
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
    if (opts.plans.length) {
      const plans = readPlans(opts.plans);
      const intro = `From Terraform's plans (\`terraform show -json\`) of ${Object.keys(plans).map((s) => `\`${s}\``).join(', ')}: replacement, drift and values known only after apply as Terraform reports them; sensitive values withheld.`;
      emit(reviewMarkdown(planChanges(plans), '', { intro }), opts['--out']);
      return 0;
    }
    const baseDir = opts['--base'];
    const headDir = opts['--head'];
    const base = baseDir ? { stacks: fromOutdir(path.resolve(baseDir)), label: `\`${baseDir}\`` } : committedSnapshots(reviewedSource());
    const head = headDir ? fromOutdir(path.resolve(headDir)) : synthHead();
    emit(reviewMarkdown(diffStacks(base.stacks, head), base.label), opts['--out']);
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
