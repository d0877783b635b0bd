/**
 * Limits on the configuration file itself, checked before and while it is parsed, so that no input (a device, a
 * FIFO, a huge file, an alias bomb, deep nesting, prototype keys, control characters) can hang, exhaust or crash
 * synth: each is a configuration error naming the file, the place and the limit.
 */
import { closeSync, fstatSync, openSync, readSync, constants as fsConstants } from 'fs';
import { isAlias, isNode, visit, type Document, type LineCounter } from 'yaml';
import { ConfigError, type Located } from './errors';

/** Largest configuration file read, in bytes. A platform.yaml with many environments is tens of KiB. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Most aliases a file may expand (a few anchors reused is normal; thousands is an alias bomb). */
export const MAX_ALIASES = 100;
/** Deepest nesting of maps and lists (platform.yaml needs about 12; Helm values a few more). */
export const MAX_DEPTH = 64;
/** Longest single string (a Helm values string holding a whole config file fits). */
export const MAX_STRING = 64 * 1024;

/** Keys that name a JavaScript prototype slot: never a setting, refused as unknown keys. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * C0 and C1 control characters other than tab, line feed and carriage return, and the Unicode bidirectional controls
 * that make text display differently from what it holds.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const problem = (source: string, message: string, allowed?: string, line = 0, col = 0, path = ''): Located => ({
  where: line ? `${source}:${line}:${col}` : source,
  path,
  message,
  allowed,
  line,
  col,
});

/**
 * Reads a configuration file: only a regular file, only up to MAX_CONFIG_BYTES, checked on the open descriptor
 * before anything is read (so `/dev/zero` or a FIFO with no writer is refused at once, not read forever).
 */
export function readConfigFile(file: string, source: string): string {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise block before the type check can refuse it.
    fd = openSync(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new ConfigError(source, [problem(source, `cannot read the configuration file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)]);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      const kind = st.isDirectory() ? 'a directory' : st.isFIFO() ? 'a FIFO' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isSocket() ? 'a socket' : 'not a regular file';
      throw new ConfigError(source, [problem(source, `the configuration is ${kind}, not a regular file`, 'a regular YAML file')]);
    }
    if (st.size > MAX_CONFIG_BYTES) {
      throw new ConfigError(source, [problem(source, `the configuration file is too large (${st.size} bytes)`, `at most ${MAX_CONFIG_BYTES} bytes (1 MiB)`)]);
    }
    // Read at most one byte past the cap: a file that grows after the check is still refused.
    const buf = Buffer.alloc(Math.min(st.size, MAX_CONFIG_BYTES) + 1);
    let n = 0;
    for (let r; n < buf.length && (r = readSync(fd, buf, n, buf.length - n, null)) > 0; ) n += r;
    if (n > MAX_CONFIG_BYTES) {
      throw new ConfigError(source, [problem(source, 'the configuration file is too large', `at most ${MAX_CONFIG_BYTES} bytes (1 MiB)`)]);
    }
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** The line where flow or block nesting first passes `limit` (an estimate from indentation and brackets), or 0. */
function deepLine(text: string, limit = MAX_DEPTH): number {
  let flow = 0;
  const indents: number[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const indent = l.length - l.trimStart().length;
    if (l.trim() && !l.trimStart().startsWith('#') && flow === 0) {
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
    }
    for (const c of l) {
      if (c === '[' || c === '{') flow++;
      else if (c === ']' || c === '}') flow = Math.max(0, flow - 1);
      if (flow + indents.length > limit) return i + 1;
    }
    if (indents.length > limit) return i + 1;
  }
  return 0;
}

/**
 * Whether nesting is far beyond any real configuration (brackets 1,000 deep, or indentation 200 levels deep): checked
 * before parsing, because the YAML parser spends seconds on 100,000 nested flow sequences before it overflows the
 * stack, and overflows in places that do not always throw a RangeError.
 */
export function absurdNesting(text: string): boolean {
  // Indentation 200 levels deep (the YAML parser overflows the stack at a few hundred).
  if (deepLine(text, 200) > 0) return true;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > 1000) return true;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return false;
}

/** Whether an error is a stack overflow (a RangeError, or another error raised while the stack was exhausted). */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof Error && /Maximum call stack size exceeded/.test(e.message);
}

/** The configuration error for nesting beyond MAX_DEPTH, at `line` (or estimated from the text). */
export function tooDeep(source: string, text: string, line?: number, col = 1, path = ''): ConfigError {
  const at = line ?? deepLine(text);
  return new ConfigError(source, [problem(source, 'nested too deeply', `at most ${MAX_DEPTH} levels of maps and lists`, at, at ? col : 0, path)]);
}

/** The configuration error for an alias bomb, at the first alias in the file. */
export function tooManyAliases(source: string, doc: Document, lines: LineCounter): ConfigError {
  let pos: { line: number; col: number } | undefined;
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.range) pos = lines.linePos(node.range[0]);
      return visit.BREAK;
    },
  });
  return new ConfigError(source, [
    problem(source, 'too many alias expansions (an alias bomb?)', `at most ${MAX_ALIASES} alias expansions in the file`, pos?.line ?? 0, pos?.col ?? 0),
  ]);
}

/** What was found in a parsed value: a path and what is wrong there. */
export interface RawProblem {
  readonly path: (string | number)[];
  readonly message: string;
  readonly allowed?: string;
  /** The problem is about the key at the end of the path, not its value. */
  readonly key?: boolean;
  readonly got?: unknown;
}

/**
 * Walks the parsed file iteratively (no recursion, so no stack overflow): nesting deeper than MAX_DEPTH, prototype
 * keys, control characters and over-long strings, in keys and values alike.
 */
export function rawProblems(raw: unknown): RawProblem[] {
  const out: RawProblem[] = [];
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: raw, path: [] }];
  const checkString = (s: string, path: (string | number)[], key: boolean) => {
    if (s.length > MAX_STRING) out.push({ path, key, message: `is too long (${s.length} characters)`, allowed: `at most ${MAX_STRING} characters` });
    const m = CONTROL.exec(s);
    if (m) {
      const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      out.push({ path, key, message: `${key ? 'key ' : ''}contains a control character (${code} at position ${m.index + 1})`, allowed: 'printable text (tab and line breaks allowed)' });
    }
  };
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') checkString(v, path, false);
    if (!v || typeof v !== 'object') continue;
    if (path.length >= MAX_DEPTH) {
      out.push({ path, message: 'nested too deeply', allowed: `at most ${MAX_DEPTH} levels of maps and lists` });
      continue;
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => stack.push({ v: x, path: [...path, i] }));
      continue;
    }
    for (const k of Object.keys(v)) {
      const p = [...path, k];
      if (PROTOTYPE_KEYS.has(k)) {
        out.push({ path: p, key: true, got: k, message: 'unknown key (a JavaScript prototype name is never a setting)' });
        continue;
      }
      checkString(k, p, true);
      stack.push({ v: (v as Record<string, unknown>)[k], path: p });
    }
  }
  return out;
}

/** Removes prototype-named keys in place (after they were reported), so validation sees only real settings. */
export function dropPrototypeKeys(raw: unknown): void {
  const stack = [raw];
  while (stack.length) {
    const v = stack.pop();
    if (!v || typeof v !== 'object') continue;
    for (const k of Object.keys(v)) {
      if (PROTOTYPE_KEYS.has(k)) delete (v as Record<string, unknown>)[k];
      else stack.push((v as Record<string, unknown>)[k]);
    }
  }
}

/** The text of the key a YAML error at `pos` points at, for "duplicate key" messages (undefined if none). */
export function keyAt(doc: Document, pos: number): string | undefined {
  let found: string | undefined;
  visit(doc, {
    Pair(_, pair) {
      const k = pair.key;
      if (isNode(k) && k.range && k.range[0] <= pos && pos <= k.range[1]) {
        found = String((k as { value?: unknown }).value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}
