#!/usr/bin/env node
// Builds the library for other CDKTF apps (`npm run build:lib`; `npm pack` runs it): dist/lib/index.js, one
// CommonJS bundle of lib/ (its npm dependencies stay external), and the type declarations under dist/types/.
const { buildSync } = require('esbuild');
const { execFileSync } = require('child_process');
const { cpSync, existsSync, readdirSync, rmSync, statSync } = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
rmSync(path.join(root, 'dist', 'lib'), { recursive: true, force: true });
rmSync(path.join(root, 'dist', 'types'), { recursive: true, force: true });
buildSync({
  entryPoints: [path.join(root, 'lib', 'index.ts')],
  outfile: path.join(root, 'dist', 'lib', 'index.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
// Declarations of generated code the library's declarations import.
const gen = path.join(root, '.gen');
const copyDts = (dir) => {
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) copyDts(p);
    else if (e.endsWith('.d.ts')) cpSync(p, path.join(root, 'dist', 'types', path.relative(root, p)));
  }
};
if (existsSync(gen)) copyDts(gen);
