#!/usr/bin/env node
// Bundles main.ts and everything it imports into dist/main.js: one file loads much faster than hundreds of
// CommonJS modules (see README, "Speed").
const { build } = require('esbuild');
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

build({
  entryPoints: [path.join(root, 'main.ts')],
  outfile: path.join(root, 'dist', 'main.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [lazyTokenTraces],
}).catch(() => process.exit(1));
