#!/usr/bin/env node
// Synth benchmark: runs the bundled app on the default platform.yaml several times, each in a fresh process, and
// prints median wall time and peak memory beside the same figures for `node -e "require('cdktf')"` (the floor:
// what any CDKTF app pays just to start). Targets: synth within 2x the floor, under 200 MiB.
//   npm run bench [-- --runs 9]
const { execFileSync, spawnSync } = require('child_process');
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
execFileSync(process.execPath, [path.join(__dirname, 'build.js')], { stdio: 'inherit' });

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
const rssFile = path.join(tmp, 'rss');
const preload = path.join(tmp, 'rss.js');
// Each measured process reports its own peak resident set size when it exits.
writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));`);

function measure(args) {
  const walls = [];
  const rss = [];
  for (let i = 0; i < runs + 1; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--require', preload, ...args], {
      cwd: root,
      env: { ...process.env, CDKTF_OUTDIR: path.join(tmp, 'out') },
      encoding: 'utf8',
    });
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
    if (i === 0) continue; // warm-up
    walls.push(wall);
    rss.push(Number(readFileSync(rssFile, 'utf8')) / 1024);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wall: median(walls), rss: Math.max(...rss) };
}

try {
  const floor = measure(['-e', "require('cdktf')"]);
  // The app as `npm run synth` and `cdktf synth` run it: the bundle, through its V8 code cache.
  const synth = measure([path.join(root, 'scripts', 'run-cached.js'), path.join(root, 'dist', 'main.js')]);
  const row = (name, m) => `${name.padEnd(22)} ${m.wall.toFixed(3).padStart(7)} s ${m.rss.toFixed(0).padStart(6)} MiB`;
  console.log(`runs: ${runs} (+1 warm-up), median wall time, peak RSS`);
  console.log(row('floor: require(cdktf)', floor));
  console.log(row('synth: default config', synth));
  const ratio = synth.wall / floor.wall;
  const ok = ratio <= 2 && synth.rss < 200;
  console.log(`ratio: ${ratio.toFixed(2)}x the floor (target <= 2x), peak ${synth.rss.toFixed(0)} MiB (target < 200 MiB)`);
  // A verdict, not a gate: one noisy run on a shared machine should not fail anything. Repeat before believing it.
  console.log(ok ? 'verdict: within target' : 'verdict: OVER TARGET (medians on a busy machine drift: run it again before acting)');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
