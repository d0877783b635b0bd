/** Transpile-only: type-checking runs once, in `tsc --noEmit`, not per test file. */
const SHARED = '(cdktf|constructs|@cdktf/provider-[^/]+)';
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }],
    // crd-generate writes its compiled schema validators as ES modules (.gen/**/_schemas/*.js).
    '/\\.gen/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' } }],
    // cdktf, constructs and the providers load once per worker, not once per test file (docs/speed.md).
    [`/node_modules/${SHARED}/.+\\.js$`]: '<rootDir>/__tests__/helpers/native-transform.js',
  },
  transformIgnorePatterns: [`/node_modules/(?!${SHARED}/)`],
  // Builds dist/main.js once for the CLI tests and hashes the sources for the synth cache.
  globalSetup: '<rootDir>/__tests__/global-setup.js',
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
};
