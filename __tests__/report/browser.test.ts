/**
 * The report page in a real browser: headless Chromium loads index.html from disk (no network), and the page's own
 * script reports back through attributes on <html> what rendered: the SVG's concept nodes, its laid-out width, and
 * any uncaught script error. A screenshot goes to .test-output/report-prod.png (not committed) for a human look.
 *
 * Needs Chromium (`chromium`, `chromium-browser` or `google-chrome` on PATH, or CHROMIUM_PATH); `.ci/run` installs
 * Debian's `chromium`. Without one these tests are reported as skipped, never passed.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { ERROR_HOOK } from '../../lib/report/page';
import { ROOT } from '../helpers/synth';
import { prodPage } from './fixture';

function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const hit = dirs.map((d) => path.join(d, name)).find((p) => existsSync(p));
    if (hit) return hit;
  }
  return undefined;
}

const CHROMIUM = findChromium();
if (!CHROMIUM) {
  // Visible in the run's output beside Jest's skipped count.
  console.warn('report page browser tests SKIPPED: no Chromium found (install Debian\'s chromium, or set CHROMIUM_PATH)');
}
const inBrowser = CHROMIUM ? test : test.skip;
jest.setTimeout(180_000);

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'report-browser-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs headless Chromium with a fresh profile and no network features; returns stdout. */
function chromium(args: string[]): string {
  const profile = mkdtempSync(path.join(work, 'profile-'));
  const r = spawnSync(
    CHROMIUM!,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      ...args,
    ],
    { encoding: 'utf8', timeout: 150_000, maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.error) throw r.error;
  return r.stdout;
}

/** The attributes the page's script set on <html>. */
function marks(dom: string): Record<string, string> {
  const tag = /<html([^>]*)>/.exec(dom)?.[1] ?? '';
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

inBrowser('the page renders the picture with every concept node, and no script error', async () => {
  const page = await prodPage();
  const file = path.join(work, 'index.html');
  writeFileSync(file, page.html);
  const seen = marks(chromium(['--dump-dom', `file://${file}`]));
  expect(seen['data-ready']).toBe('true');
  expect(seen['data-script-errors']).toBeUndefined();
  expect(Number(seen['data-diagram-nodes'])).toBe(page.expectedNodes);
  expect(Number(seen['data-diagram-width'])).toBeGreaterThan(500);

  const shots = path.join(ROOT, '.test-output');
  mkdirSync(shots, { recursive: true });
  const shot = path.join(shots, 'report-prod.png');
  rmSync(shot, { force: true });
  chromium(['--hide-scrollbars', '--window-size=1400,2200', `--screenshot=${shot}`, `file://${file}`]);
  expect(existsSync(shot)).toBe(true);
});

inBrowser('a script error on the page is caught and reported (the check above can fail)', () => {
  const file = path.join(work, 'broken.html');
  writeFileSync(file, `<!DOCTYPE html><html><head><script>${ERROR_HOOK}</script></head><body><script>undefinedFunction();</script></body></html>`);
  expect(marks(chromium(['--dump-dom', `file://${file}`]))['data-script-errors']).toMatch(/undefinedFunction is not defined/);
});
