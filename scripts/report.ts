/**
 * `npm run report [-- --base <dir>] [--out <dir>] [--env <name>]`
 *
 * Writes `reports/<env>/index.html` (one self-contained page: picture, baseline, key settings, runbook, change review)
 * and `reports/<env>/diagram.svg` for each environment of a synth output folder. `npm run report` synthesizes first;
 * the layout library runs only here, never in synth. Exit codes: 0 written, 1 failed, 2 bad command line.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { readStacks, type StackJson } from '../lib/baseline';
import { environmentViews } from '../lib/baseline/stack-model';
import { environmentPage } from '../lib/report';

const USAGE = `Usage: npm run report [-- [--base <dir>] [--out <dir>] [--env <name>]]

Writes reports/<env>/index.html and diagram.svg for each environment of a synth output folder.

  --out <dir>    the synth output folder to read and write (default: $CDKTF_OUTDIR or cdktf.out)
  --base <dir>   an earlier synth output: adds the change review of each environment
  --env <name>   only this environment
  --help, -h     print this help
`;

const FLAGS = ['--base', '--out', '--env'] as const;
type Options = Partial<Record<(typeof FLAGS)[number], string>> & { help?: boolean };

function parseArgs(argv: readonly string[]): Options {
  const opts: Options = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      opts.help = true;
      continue;
    }
    const eq = a.indexOf('=');
    const name = (eq > 0 ? a.slice(0, eq) : a) as (typeof FLAGS)[number];
    if (!FLAGS.includes(name)) throw new Error(`unknown argument ${JSON.stringify(a)}`);
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) throw new Error(`${name} needs a value`);
    opts[name] = value;
  }
  return opts;
}

function stacksIn(dir: string): Record<string, StackJson> {
  const stacksDir = path.join(dir, 'stacks');
  if (!existsSync(stacksDir)) throw new Error(`${dir} has no stacks/ folder: not a synth output (run npm run synth)`);
  return readStacks(dir, readdirSync(stacksDir).sort());
}

const readIf = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);

async function main(): Promise<number> {
  let opts: Options;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`report: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    const out = path.resolve(opts['--out'] ?? (process.env.CDKTF_OUTDIR || 'cdktf.out'));
    const base = opts['--base'] ? { stacks: stacksIn(path.resolve(opts['--base'])), label: `\`${opts['--base']}\`` } : undefined;
    const views = environmentViews(stacksIn(out)).filter((v) => !opts['--env'] || v.name === opts['--env']);
    if (views.length === 0) throw new Error(`no environment ${JSON.stringify(opts['--env'])} in ${out}`);
    for (const view of views) {
      const dir = path.join(out, 'reports', view.name);
      mkdirSync(dir, { recursive: true });
      const json = readIf(path.join(dir, 'baseline.json'));
      const page = await environmentPage(view, { baseline: json ? JSON.parse(json) : undefined, runbook: readIf(path.join(dir, 'runbook.md')), base });
      writeFileSync(path.join(dir, 'index.html'), page.html);
      writeFileSync(path.join(dir, 'diagram.svg'), page.svg);
      process.stdout.write(`Wrote ${path.relative(process.cwd(), path.join(dir, 'index.html')) || '.'} and diagram.svg\n`);
    }
    return 0;
  } catch (e) {
    process.stderr.write(`report failed: ${(e as Error).message}\n`);
    return 1;
  }
}

main().then((code) => {
  process.exitCode = code;
});
