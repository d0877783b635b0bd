/**
 * cdktf, constructs and the provider bindings, loaded once per Jest worker by Node's own loader and shared by every
 * test file that worker runs (see jest.config.js and docs/speed.md). Jest otherwise loads these ~1,100 modules again
 * for each test file, in its slower module registry: about 1.5 s a file. They hold no state a test could leak into
 * another (every test builds its own App); the project's own code still loads per test file, in Jest's registry.
 */
const path = require('path');

// Jest replaces the `module` built-in inside tests; process.getBuiltinModule (Node >= 20.16) returns the real one.
const Module = typeof process.getBuiltinModule === 'function' ? process.getBuiltinModule('module') : undefined;
const nativeRequire = Module && Module.createRequire(__filename);

let patched = false;
/** The same lazy token stack traces as the bundle (scripts/lazy-stack-trace.js). */
function patchStackTraces() {
  patched = true;
  const traces = nativeRequire(require.resolve('cdktf/lib/tokens/private/stack-trace.js'));
  traces.captureStackTrace = nativeRequire(path.join(__dirname, '..', '..', 'scripts', 'lazy-stack-trace.js')).captureStackTrace;
}

/** The global object of the shared modules (Node's own, not the test file's). */
exports.nativeGlobal = () => require('vm').runInThisContext('globalThis');

/** The module at `file`, from Node's module cache (the real one, shared across test files). */
exports.load = function load(file) {
  if (!nativeRequire) throw new Error('Node.js >= 20.16 is needed to run the tests (process.getBuiltinModule)');
  if (!patched) patchStackTraces();
  return nativeRequire(file);
};
