#!/usr/bin/env node
// Runs a CommonJS bundle (dist/main.js) with a V8 code cache beside it (dist/main.js.cache): the first run compiles
// and saves the cache, later runs skip most of the compilation of the ~4.6 MB bundle. V8 checks the cache against
// the source and the Node.js version and ignores a stale one, which is then rewritten.
//   node scripts/run-cached.js dist/main.js
const fs = require('fs');
const Module = require('module');
const path = require('path');
const vm = require('vm');

const file = path.resolve(process.argv[2] || path.join(__dirname, '..', 'dist', 'main.js'));
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
