#!/usr/bin/env node
// Runs a TypeScript script: bundles it with esbuild into a temporary file and requires it (no type-check;
// `npm run typecheck` does that once for the whole project).
const { buildSync } = require('esbuild');
const { mkdirSync, mkdtempSync, rmSync } = require('fs');
const path = require('path');

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/ts-run.js <file.ts> [args...]');
  process.exit(2);
}
// Inside the project, so the bundle resolves the project's packages.
const cache = path.resolve(__dirname, '..', 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(path.join(cache, 'ts-run-'));
const outfile = path.join(dir, 'script.js');
buildSync({ entryPoints: [path.resolve(entry)], outfile, bundle: true, platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning' });
process.argv = [process.argv[0], path.resolve(entry), ...args];
try {
  require(outfile);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
