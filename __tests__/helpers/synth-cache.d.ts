/** The cached text for `key`, or `make()`'s, stored for the next reader (see synth-cache.js). */
export function cached(key: string, make: () => string): string;
/** The hash of every file synthesis reads besides the configuration. */
export function sourcesHash(): string;
/** Removes cache folders of other sources not used for a day. */
export function prune(maxAgeMs?: number): void;
