#!/usr/bin/env node
// Runs the bundled app (dist/main.js) the fastest way that works here:
// 1. from its Node.js startup snapshot (dist/main.js.snapshot, scripts/startup-snapshot.js): cdktf and the providers
//    are already in the heap it restores. Built when missing or stale (another bundle, another Node.js); a blob that
//    cannot be built or does not load is skipped, with one line on stderr saying why. SYNTH_STARTUP_SNAPSHOT=0 skips it.
// 2. otherwise the bundle with a V8 code cache beside it (dist/main.js.cache): the first run compiles and saves the
//    cache, later runs skip most of the compilation. V8 checks the cache against the source and the Node.js version
//    and ignores a stale one, which is then rewritten.
//   node scripts/run-cached.js dist/main.js
const fs = require('fs');
const path = require('path');

const file = path.resolve(process.argv[2] || path.join(__dirname, '..', 'dist', 'main.js'));

// --- 1. Startup snapshot -----------------------------------------------------------------------------------------

/** Says once, on stderr, why this run does not use the snapshot. */
function skipSnapshot(why) {
  process.stderr.write(`note: synth without the startup snapshot (${why}); it only makes synth start faster\n`);
}

/**
 * Runs the app from its snapshot in a child process and exits with its status; calls `fallback` instead when the
 * blob cannot be built or does not load (the child then exits before the app's main starts, which it announces on
 * fd 3).
 */
function runFromSnapshot(fallback) {
  const snap = require('./startup-snapshot');
  let why = snap.staleReason(file);
  if (why) {
    try {
      snap.buildSnapshot(file);
      why = undefined;
    } catch (e) {
      why = `${why}; building it failed: ${e.message}`;
    }
  }
  if (why) {
    skipSnapshot(why);
    return fallback();
  }
  const { spawn } = require('child_process');
  const child = spawn(process.execPath, ['--snapshot-blob', snap.blobOf(file), file, ...process.argv.slice(3)], {
    stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
    env: { ...process.env, SYNTH_SNAPSHOT_READY_FD: '3' },
  });
  let started = false;
  child.stdio[3].on('data', () => (started = true));
  child.stdio[3].on('error', () => {});
  const forward = (signal) => child.kill(signal);
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, forward);
  child.on('error', (e) => {
    skipSnapshot(`cannot start Node.js: ${e.message}`);
    fallback();
  });
  child.on('close', (code, signal) => {
    for (const s of signals) process.off(s, forward);
    if (!started) {
      snap.discardSnapshot(file);
      skipSnapshot(`the snapshot did not load (${signal || `exit code ${code}`}); it will be rebuilt`);
      return fallback();
    }
    if (signal) process.kill(process.pid, signal);
    else process.exitCode = code;
  });
}

// --- 2. Bundle with a V8 code cache ------------------------------------------------------------------------------

function runWithCodeCache() {
  const Module = require('module');
  const vm = require('vm');
  const cacheFile = `${file}.cache`;
  const source = fs.readFileSync(file, 'utf8');
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = new Module(file, null);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  const req = (id) => mod.require(id);
  req.resolve = (request) => Module._resolveFilename(request, mod);
  req.cache = Module._cache;
  req.main = mod;
  process.on('exit', () => {
    if (cachedData && !script.cachedDataRejected) return;
    try {
      // After the run, so the cache also holds the functions compiled lazily along the way.
      // Written aside and renamed: a concurrent run reads the old cache or the new one, never a partial one.
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile);
    } catch {
      // A read-only checkout only loses the speed-up.
    }
  });
  script.runInThisContext().call(mod.exports, mod.exports, req, mod, file, path.dirname(file));
}

if (require('./startup-snapshot').disabled()) runWithCodeCache();
else runFromSnapshot(runWithCodeCache);
