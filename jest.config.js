/** Transpile-only: type-checking runs once, in `tsc --noEmit`, not per test file. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }],
    // crd-generate writes its compiled schema validators as ES modules (.gen/**/_schemas/*.js).
    '/\\.gen/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' } }],
  },
  setupFilesAfterEnv: ['<rootDir>/__tests__/setup.ts'],
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
};
