#!/usr/bin/env node
// `npm test`: the type-check and Jest side by side, then a non-zero exit if either failed. On a 2-core machine Jest
// runs its files in one process, which leaves the other core to the type-check (incremental: its build info is kept
// in dist/, outside the tracked files). Extra arguments go to Jest: `npm test -- __tests__/stacks`.
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
fs.mkdirSync(path.join(root, 'dist'), { recursive: true });

function run(args, stdio) {
  const child = spawn(process.execPath, args, { cwd: root, stdio });
  const done = new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  return { child, done };
}

const tsc = run([require.resolve('typescript/bin/tsc'), '--noEmit', '-p', '.', '--incremental', '--tsBuildInfoFile', 'dist/tsc.tsbuildinfo'], ['ignore', 'pipe', 'pipe']);
let typeErrors = '';
tsc.child.stdout.on('data', (d) => (typeErrors += d));
tsc.child.stderr.on('data', (d) => (typeErrors += d));
const jest = run([require.resolve('jest/bin/jest'), '--ci', ...process.argv.slice(2)], 'inherit');

for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => [tsc, jest].forEach((p) => p.child.kill(s)));

Promise.all([tsc.done, jest.done]).then(([t, j]) => {
  // After Jest's report, so the type errors are the last thing on the screen.
  if (t !== 0) process.stderr.write(`\ntsc --noEmit: type errors\n${typeErrors}`);
  process.exitCode = t !== 0 ? t : j;
});
