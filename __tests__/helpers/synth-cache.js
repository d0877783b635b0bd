/**
 * Synthesized stacks shared by every test file of a run, and by later runs while the code is unchanged: a
 * content-addressed cache on disk (node_modules/.cache/aks-test-synth/<sources>/<config>.json). <sources> hashes
 * everything synthesis reads besides the configuration (lib/, .gen/, vendor/, the lock file, the test helpers that
 * synthesize, the Node.js version), so any change to them starts a fresh folder; <config> hashes the configuration
 * text. Plain JS: the Jest globalSetup (global-setup.js) computes the sources hash once per run.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'aks-test-synth');
/** What synthesis reads besides the configuration text, relative to the project root. */
const SOURCES = ['lib', '.gen', 'vendor', 'package-lock.json', '__tests__/helpers/synth.ts', '__tests__/helpers/synth-cache.js'];
const ENV = 'AKS_TEST_SOURCES_HASH';

function walk(rel, out) {
  const full = path.join(ROOT, rel);
  let st;
  try {
    st = fs.statSync(full);
  } catch {
    return;
  }
  if (st.isDirectory()) for (const e of fs.readdirSync(full).sort()) walk(path.join(rel, e), out);
  else out.push(rel);
}

/** The hash of every source file's path and content (computed once per run: the globalSetup puts it in the env). */
function sourcesHash() {
  if (process.env[ENV]) return process.env[ENV];
  // AKS_TEST_SOURCES_SALT starts a fresh folder: `npm run bench` times the suite with a cold cache that way.
  const h = crypto.createHash('sha256').update(`${process.version}\0${process.env.AKS_TEST_SOURCES_SALT || ''}\0`);
  const files = [];
  for (const s of SOURCES) walk(s, files);
  for (const f of files) h.update(`${f}\0`).update(fs.readFileSync(path.join(ROOT, f))).update('\0');
  return (process.env[ENV] = h.digest('hex').slice(0, 24));
}

/** The cached text for `key` (any string: it is hashed), or `make()`'s, stored for the next reader. */
function cached(key, make) {
  const dir = path.join(CACHE, sourcesHash());
  const file = path.join(dir, `${crypto.createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    // Not there yet.
  }
  const text = make();
  try {
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file); // whole or not at all, for a reader in another worker
  } catch {
    // A read-only node_modules only loses the speed-up.
  }
  return text;
}

/** Removes the folders of other sources not used for a day (keeps the cache from growing without bound). */
function prune(maxAgeMs = 24 * 3600 * 1000) {
  let entries;
  try {
    entries = fs.readdirSync(CACHE);
  } catch {
    return;
  }
  const current = sourcesHash();
  for (const e of entries) {
    const dir = path.join(CACHE, e);
    try {
      if (e !== current && Date.now() - fs.statSync(dir).mtimeMs > maxAgeMs) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another run removed it.
    }
  }
}

module.exports = { cached, prune, sourcesHash };
