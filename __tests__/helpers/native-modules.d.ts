/** The global object of the modules shared across test files (Node's own, not the test file's). */
export function nativeGlobal(): typeof globalThis & Record<string, unknown>;
/** The module at `file`, loaded by Node's loader (shared across the test files of a worker). */
export function load(file: string): unknown;
