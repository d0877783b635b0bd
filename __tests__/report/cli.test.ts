/** `npm run report` on a synth output folder: index.html and diagram.svg per environment. */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { ROOT, synthAll } from '../helpers/synth';

const run = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'ts-run.js'), path.join(ROOT, 'scripts', 'report.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CDKTF_OUTDIR: '' } });

/** An output folder holding the default config's stacks (and no baseline report or runbook). */
function outdir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'report-cli-'));
  for (const [name, json] of Object.entries(synthAll())) {
    mkdirSync(path.join(dir, 'stacks', name), { recursive: true });
    writeFileSync(path.join(dir, 'stacks', name, 'cdk.tf.json'), JSON.stringify(json));
  }
  return dir;
}

test('writes index.html and diagram.svg for the chosen environment, saying what is missing', () => {
  const dir = outdir();
  const r = run('--out', dir, '--env', 'prod');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const html = readFileSync(path.join(dir, 'reports', 'prod', 'index.html'), 'utf8');
  expect(html).toContain('No baseline report in this output folder: run <code>npm run synth</code> first.');
  expect(readFileSync(path.join(dir, 'reports', 'prod', 'diagram.svg'), 'utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="concept-diagram"/);
  expect(existsSync(path.join(dir, 'reports', 'dev', 'index.html'))).toBe(false);
}, 120_000);

test('a bad command line exits 2 with the usage; a folder that is no synth output exits 1', () => {
  const bad = run('--colour');
  expect(bad.status).toBe(2);
  expect(bad.stderr).toMatch(/^report: unknown argument "--colour"\n\nUsage: npm run report/);
  const empty = run('--out', mkdtempSync(path.join(tmpdir(), 'report-cli-')));
  expect(empty.status).toBe(1);
  expect(empty.stderr).toMatch(/^report failed: .* has no stacks\/ folder: not a synth output/);
}, 120_000);
