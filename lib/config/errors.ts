/** Configuration errors: every problem at once, each naming the file, the field, the bad value and what is allowed. */

export interface Located {
  /** `file:line:col`, or just the file when the field is absent. */
  readonly where: string;
  /** Dotted path of the field in the file, e.g. `environments.prod.network.podCidr`. */
  readonly path: string;
  readonly message: string;
  readonly got?: unknown;
  readonly allowed?: string;
  /** For stable ordering. */
  readonly line: number;
  readonly col: number;
}

/**
 * What a cross-field check saw, described in words (`minCount 40, maxCount 30`) rather than a single value: printed
 * as it is, where a value is printed as JSON.
 */
export class Described {
  constructor(readonly text: string) {}
}

/** A description of what was seen, for a problem's `got`. */
export const described = (text: string) => new Described(text);

export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value instanceof Described) return value.text;
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function formatProblem(p: Located): string {
  const extra: string[] = [];
  if (p.got !== undefined) extra.push(`got ${show(p.got)}`);
  if (p.allowed) extra.push(`allowed ${p.allowed}`);
  return `${p.where}: ${p.path || '(top level)'}: ${p.message}${extra.length ? ` (${extra.join('; ')})` : ''}`;
}

/** Thrown by the loader with every problem found; its message is the full, printable list. */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly Located[],
  ) {
    super(
      `${source}: ${problems.length} configuration problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Moved to lib/util/did-you-mean.ts (shared with the chart values check). */
export { didYouMean } from '../util/did-you-mean';
