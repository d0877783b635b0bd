#!/usr/bin/env node
// `npm run synth`: builds the bundle, then runs it, each as a child process. npm runs a script through a shell that does
// not pass a signal on to the command it is waiting for: killing `npm run synth` used to leave the synth running, and
// it replaced the output later. Here the signal is forwarded to the running child, and this process exits the way the
// child did.
const { spawn } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Runs `node <args>` and resolves with its exit code, or the signal that ended it; forwards our signals to it. */
function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: process.cwd(), stdio: 'inherit' });
    let received;
    const forward = (sig) => {
      received = sig;
      child.kill(sig);
    };
    for (const s of SIGNALS) process.on(s, forward);
    child.on('exit', (code, signal) => {
      for (const s of SIGNALS) process.off(s, forward);
      // A child that cleans up on the signal exits with a code; we were still told to stop, so we end by that signal.
      resolve({ code, signal: signal ?? received });
    });
  });
}

(async () => {
  for (const step of [[path.join(root, 'scripts', 'build.js')], [path.join(root, 'scripts', 'run-cached.js'), path.join(root, 'dist', 'main.js')]]) {
    const { code, signal } = await run(step);
    if (signal) process.kill(process.pid, signal);
    if (code !== 0) process.exit(code ?? 1);
  }
})();
