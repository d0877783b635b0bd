#!/usr/bin/env node
// Speed benchmark (docs/speed.md): the four figures the project keeps, each with its target, and a verdict.
//   1. app synth: the bundled app as `npm run synth` runs it (scripts/run-cached.js: startup snapshot, else code
//      cache) against the floor, `node -e "require('cdktf')"`, in paired fresh processes: median wall time ratio
//      (target <= 1.0x the floor for platform.yaml, <= 1.2x for another configuration) and peak memory (<= 150 MiB,
//      every process of the run together);
//   2. `npm run synth` end to end when nothing changed (build skipped): median wall time (<= 1 s);
//   3. `npm test` wall time (<= 20 s), type-check included, synth cache cold as after an edit to lib/;
//   4. `npm test` peak memory, all its processes together (<= 1 GB).
//   npm run bench [-- --runs 9] [--config examples/landing-zone.yaml] [--no-tests]
// PLATFORM_CONFIG=examples/x.yaml npm run bench benches that file, as --config does.
const { execFileSync, spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const runs = Number(arg('--runs') || 7);
const config = arg('--config') || process.env.PLATFORM_CONFIG || 'platform.yaml';
const isDefault = path.resolve(root, config) === path.join(root, 'platform.yaml');
const withTests = !process.argv.includes('--no-tests');
const TARGET = { ratio: isDefault ? 1.0 : 1.2, synthMiB: 150, npmSynthS: 1, testS: 20, testMiB: 1024 };

execFileSync(process.execPath, [path.join(__dirname, 'build.js')], { stdio: 'inherit' });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
const rssFile = path.join(tmp, 'rss');
const preload = path.join(tmp, 'rss.js');
// Every Node.js process of a measured run appends its own peak resident set size (KiB) and CPU time (µs) when it
// exits. CPU time is the steadier figure on a busy machine, where wall time mostly measures the queue for a core.
fs.writeFileSync(
  preload,
  `process.on('exit', () => { const u = process.resourceUsage(); require('fs').appendFileSync(${JSON.stringify(rssFile)}, u.maxRSS + ' ' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });`,
);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const env = { ...process.env, PLATFORM_CONFIG: config, CDKTF_OUTDIR: path.join(tmp, 'out') };

/** One fresh run of `args`: wall seconds, and the summed peak RSS (MiB) and CPU seconds of its Node.js processes. */
function once(cmd, args) {
  fs.rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: root, env: { ...env, NODE_OPTIONS: `--require ${preload}` }, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  if (/without the startup snapshot/.test(r.stderr)) console.log(`(${r.stderr.match(/^note: .*$/m)[0]})`);
  const lines = fs.readFileSync(rssFile, 'utf8').trim().split('\n').map((l) => l.split(' ').map(Number));
  return { wall, rss: lines.reduce((s, [kib]) => s + kib, 0) / 1024, cpu: lines.reduce((s, [, us]) => s + us, 0) / 1e6 };
}

/** Paired runs: floor and app alternate, so a busy moment of the machine hits both. */
function pairedSynth() {
  const floor = [];
  const app = [];
  for (let i = 0; i <= runs; i++) {
    const f = once(process.execPath, ['-e', "require('cdktf')"]);
    const a = once(process.execPath, [path.join(root, 'scripts', 'run-cached.js'), path.join(root, 'dist', 'main.js')]);
    if (i === 0) continue; // warm-up (builds the startup snapshot when it is missing)
    floor.push(f);
    app.push(a);
  }
  const summary = (ms) => ({ wall: median(ms.map((m) => m.wall)), rss: Math.max(...ms.map((m) => m.rss)), cpu: median(ms.map((m) => m.cpu)) });
  return {
    floor: summary(floor),
    app: summary(app),
    ratio: median(app.map((m, i) => m.wall / floor[i].wall)),
    cpuRatio: median(app.map((m, i) => m.cpu / floor[i].cpu)),
  };
}

function npmSynth() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const walls = [];
  for (let i = 0; i <= Math.min(runs, 5); i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(npm, ['run', '--silent', 'synth'], { cwd: root, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm run synth failed:\n${r.stderr}`);
    if (i > 0) walls.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return median(walls);
}

/** Summed RSS (bytes) of a process and its descendants, from /proc (Linux). */
function treeRss(pid) {
  const kids = new Map();
  const rss = new Map();
  for (const p of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      kids.set(ppid, [...(kids.get(ppid) || []), Number(p)]);
      rss.set(Number(p), Number(fields[21]) * 4096);
    } catch {
      // The process ended.
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    total += rss.get(p) || 0;
    stack.push(...(kids.get(p) || []));
  }
  return total;
}

/** `npm test` once, synth cache cold (a fresh cache folder, as after an edit to lib/): wall and peak tree memory. */
function npmTest() {
  return new Promise((resolve, reject) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const start = process.hrtime.bigint();
    const child = spawn(npm, ['test', '--silent'], {
      cwd: root,
      env: { ...process.env, AKS_TEST_SOURCES_SALT: String(Date.now()) },
      stdio: 'ignore',
    });
    let peak = 0;
    const poll = process.platform === 'linux' ? setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 100) : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      if (code !== 0) return reject(new Error('npm test failed: run it to see why'));
      resolve({ wall: Number(process.hrtime.bigint() - start) / 1e9, mib: poll ? peak / 2 ** 20 : NaN });
    });
  });
}

async function main() {
  const s = pairedSynth();
  const npmS = npmSynth();
  const t = withTests ? await npmTest() : undefined;
  const rows = [
    ['app synth vs floor', `${s.ratio.toFixed(2)}x (${s.app.wall.toFixed(3)} s vs ${s.floor.wall.toFixed(3)} s)`, `<= ${TARGET.ratio.toFixed(1)}x`, s.ratio <= TARGET.ratio],
    ['app synth CPU vs floor', `${s.cpuRatio.toFixed(2)}x (${s.app.cpu.toFixed(3)} s vs ${s.floor.cpu.toFixed(3)} s)`, 'info', undefined],
    ['app synth peak memory', `${s.app.rss.toFixed(0)} MiB (floor ${s.floor.rss.toFixed(0)} MiB)`, `<= ${TARGET.synthMiB} MiB`, s.app.rss <= TARGET.synthMiB],
    ['npm run synth, unchanged', `${npmS.toFixed(2)} s`, `<= ${TARGET.npmSynthS} s`, npmS <= TARGET.npmSynthS],
    ['npm test wall', t ? `${t.wall.toFixed(1)} s` : 'not measured (--no-tests)', `<= ${TARGET.testS} s`, t ? t.wall <= TARGET.testS : undefined],
    ['npm test peak memory', t ? `${Number.isNaN(t.mib) ? 'n/a (Linux only)' : `${t.mib.toFixed(0)} MiB`}` : 'not measured (--no-tests)', `<= ${TARGET.testMiB / 1024} GB`, t && !Number.isNaN(t.mib) ? t.mib <= TARGET.testMiB : undefined],
  ];
  console.log(`config: ${config}; ${runs} paired runs (+1 warm-up), medians; peak memory sums every process of a run; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
  for (const [name, value, target, ok] of rows) console.log(`${name.padEnd(26)} ${value.padEnd(40)} target ${target.padEnd(10)} ${ok === undefined ? '' : ok ? 'ok' : 'OVER'}`);
  const over = rows.filter((r) => r[3] === false).map((r) => r[0]);
  // A verdict, not a gate: one noisy run on a shared machine should not fail anything. Repeat before believing it.
  console.log(over.length ? `verdict: OVER TARGET: ${over.join(', ')} (medians drift on a busy machine: run it again before acting)` : 'verdict: within target');
}

main()
  .catch((e) => {
    console.error(`bench: ${e.message}`);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(tmp, { recursive: true, force: true }));
