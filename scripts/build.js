#!/usr/bin/env node
// Bundles main.ts and everything it imports into dist/main.js: one file loads much faster than hundreds of
// CommonJS modules (see README, "Speed"). Packages stay external except the ones listed below.
const { buildSync } = require('esbuild');
const path = require('path');

const root = path.resolve(__dirname, '..');
buildSync({
  entryPoints: [path.join(root, 'main.ts')],
  outfile: path.join(root, 'dist', 'main.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
