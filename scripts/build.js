#!/usr/bin/env node
// Bundles main.ts and everything it imports into dist/main.js: one file loads much faster than hundreds of
// CommonJS modules (see docs/extending.md, "Speed").
// Skipped when the bundle is current: nothing it was built from (the project files esbuild read, the lock file,
// this script) has changed since (see isCurrent below).
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const outfile = path.join(root, 'dist', 'main.js');
/** What the last build read: the content hash of its inputs and the list of project files among them. */
const stampFile = `${outfile}.inputs.json`;

// cdktf records a full stack trace for every token it creates; the bundle records it only when
// CDKTF_TOKEN_STACK_TRACES is set (scripts/lazy-stack-trace.js says why).
const lazyTokenTraces = {
  name: 'lazy-token-stack-traces',
  setup(build) {
    build.onLoad({ filter: /cdktf[\\/]lib[\\/]tokens[\\/]private[\\/]stack-trace\.js$/ }, () => ({
      loader: 'js',
      contents: fs.readFileSync(path.join(__dirname, 'lazy-stack-trace.js'), 'utf8'),
    }));
  },
};

// cdktf loads the zip library for file assets at start-up; this app has no assets. Bundled modules only run when
// first required, so requiring it on first use instead keeps it out of every synth.
const lazyArchiver = {
  name: 'lazy-archiver',
  setup(build) {
    build.onResolve({ filter: /^archiver$/ }, (args) =>
      /cdktf[\\/]lib[\\/]private[\\/]fs\.js$/.test(args.importer)
        ? { path: 'archiver', namespace: 'lazy-archiver', pluginData: { resolveDir: path.dirname(args.importer) } }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-archiver' }, (args) => ({
      loader: 'js',
      resolveDir: args.pluginData.resolveDir,
      contents: 'let real; module.exports = (...a) => (real = real || require("archiver"))(...a);',
    }));
  },
};

// --- Skipping the build when the bundle is current (content hash of what it was built from) ---------------------

/** Files whose change always means a rebuild: the dependency versions and the build itself. */
const ALWAYS = ['package-lock.json', 'scripts/build.js', 'scripts/lazy-stack-trace.js'];

/** A hash of the content of `files` (relative to the project root; a missing file hashes as missing). */
function contentHash(files) {
  const h = crypto.createHash('sha256');
  for (const f of [...new Set([...ALWAYS, ...files])].sort()) {
    h.update(`${f}\0`);
    try {
      h.update(fs.readFileSync(path.join(root, f)));
    } catch {
      h.update('\0missing');
    }
    h.update('\0');
  }
  return h.digest('hex');
}

/** Whether dist/main.js was built from exactly the files there are now (and is the file that build wrote). */
function isCurrent() {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    if (contentHash(stamp.files) !== stamp.inputs) return false;
    return crypto.createHash('sha256').update(fs.readFileSync(outfile)).digest('hex') === stamp.output;
  } catch {
    return false;
  }
}

/** Records what this build read (esbuild's metafile: the project's own files; node_modules is the lock file's). */
function recordInputs(metafile) {
  const files = Object.keys(metafile.inputs).filter((f) => !f.split(/[\\/]/).includes('node_modules') && !f.includes(':'));
  const output = crypto.createHash('sha256').update(fs.readFileSync(outfile)).digest('hex');
  writeAtomically(stampFile, `${JSON.stringify({ inputs: contentHash(files), output, files: files.sort() }, null, 1)}\n`);
}

// --- Atomic write ------------------------------------------------------------------------------------------------

// esbuild hands the files back (write: false); each is written to a temporary name and renamed over the old one, so a
// synth starting meanwhile (another terminal, a parallel test) reads the old bundle or the new one, never half of one.
function writeAtomically(file, contents) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, contents);
  fs.renameSync(tmp, file);
}

// --- Build -------------------------------------------------------------------------------------------------------

async function bundle() {
  const { build } = require('esbuild');
  const result = await build({
    write: false,
    entryPoints: [path.join(root, 'main.ts')],
    outfile,
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'linked',
    legalComments: 'none',
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    metafile: true,
    plugins: [lazyTokenTraces, lazyArchiver],
  });
  for (const f of result.outputFiles) writeAtomically(f.path, f.contents);
  recordInputs(result.metafile);
}

if (process.argv.includes('--force') || !isCurrent()) bundle().catch(() => process.exit(1));
