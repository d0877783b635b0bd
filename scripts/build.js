#!/usr/bin/env node
// Bundles main.ts and everything it imports into dist/main.js: one file loads much faster than hundreds of
// CommonJS modules (see README, "Speed").
const { build } = require('esbuild');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');

// cdktf records a full stack trace (every frame) for each token it creates, only to print it if that token later
// fails to resolve. On this platform's ~200 resources that is about a tenth of synth time. The bundle swaps in a
// version that records the trace only when CDKTF_TOKEN_STACK_TRACES is set (set it when debugging a token error).
const lazyTokenTraces = {
  name: 'lazy-token-stack-traces',
  setup(build) {
    build.onLoad({ filter: /cdktf[\\/]lib[\\/]tokens[\\/]private[\\/]stack-trace\.js$/ }, () => ({
      loader: 'js',
      contents: `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.captureStackTrace = function captureStackTrace(below) {
  if (!process.env.CDKTF_TOKEN_STACK_TRACES) return [];
  below = below || captureStackTrace;
  const object = { stack: "" };
  const previousLimit = Error.stackTraceLimit;
  try { Error.stackTraceLimit = Number.MAX_SAFE_INTEGER; Error.captureStackTrace(object, below); }
  finally { Error.stackTraceLimit = previousLimit; }
  return object.stack ? object.stack.split("\\n").slice(1).map((s) => s.replace(/^\\s*at\\s+/, "")) : [];
};`,
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

// Atomic bundle write: esbuild hands the files back (write: false) and each is written to a temporary name and renamed
// over the old one, so a synth starting meanwhile (another terminal, a parallel test) reads the old bundle or the new
// one, never half of one.
function writeAtomically(outputFiles) {
  for (const f of outputFiles) {
    fs.mkdirSync(path.dirname(f.path), { recursive: true });
    const tmp = `${f.path}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, f.contents);
    fs.renameSync(tmp, f.path);
  }
}

build({
  write: false,
  entryPoints: [path.join(root, 'main.ts')],
  outfile: path.join(root, 'dist', 'main.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  plugins: [lazyTokenTraces, lazyArchiver],
})
  .then((result) => writeAtomically(result.outputFiles))
  .catch(() => process.exit(1));
