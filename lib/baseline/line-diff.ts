/**
 * A compact line diff for the change summary: the lines of two long or multi-line values (Helm values YAML, JSON
 * documents, manifests) compared line by line, with only the changed lines and a little context, in unified-diff
 * hunks. Lines that set a sensitive key (`password: ...`, `"clientSecret": "..."`, and the lines of a block scalar
 * under such a key) are redacted before they are compared, so a secret never reaches the output. Deterministic: the
 * same two values always give the same lines.
 */

/** Key names whose values are redacted inside YAML and JSON text (suffix match, any case, `_`/`-` optional). */
const SENSITIVE_KEY = '[\\w.-]*?(?:password|passwd|secret|private[_-]?key|access[_-]?key|client[_-]?key|token|connection[_-]?string|sas|certificate[_-]?data)';
/** `key: value`, `"key": value`, `- key: value` or `key=value`: group 1 the key with its indentation and separator, group 2 the value. */
const SENSITIVE_LINE = new RegExp(`^(\\s*(?:-\\s+)?["']?${SENSITIVE_KEY}["']?\\s*[:=]\\s*)(.*)$`, 'i');

/** Whether a text sets a sensitive key anywhere (then it is shown through the redacting line diff, never inline). */
export function mentionsSensitiveKey(text: string): boolean {
  return text.split('\n').some((l) => {
    const m = SENSITIVE_LINE.exec(l);
    return m !== null && m[2].trim() !== '';
  });
}

const indentOf = (l: string) => /^\s*/.exec(l)![0].length;

/**
 * The lines with every sensitive value replaced by `(sensitive)`: the value after a sensitive key, and the lines of a
 * YAML block scalar (`|`, `>`) or nested block under such a key, which become one `(sensitive)` line.
 */
export function redactLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = SENSITIVE_LINE.exec(lines[i]);
    if (!m) {
      out.push(lines[i]);
      continue;
    }
    const value = m[2].trim();
    const opensBlock = value === '' || /^[|>][-+]?\d*$/.test(value) || value === '{' || value === '[';
    if (!opensBlock) {
      out.push(`${m[1]}(sensitive)${/,$/.test(value) ? ',' : ''}`);
      continue;
    }
    // Everything indented deeper than the key (or up to the closing bracket of a JSON block) is the secret.
    const depth = indentOf(lines[i]);
    let j = i + 1;
    while (j < lines.length && (lines[j].trim() === '' || indentOf(lines[j]) > depth)) j++;
    if (j > i + 1) {
      out.push(`${m[1]}${value}`.trimEnd(), `${' '.repeat(depth + 2)}(sensitive)`);
      i = j - 1;
    } else out.push(lines[i]);
  }
  return out;
}

/**
 * A value as lines: a string splits at newlines (a one-line JSON object or array is pretty-printed first), an array of
 * strings (Helm `values`) gives each document's lines separated by `---`, anything else is pretty JSON.
 */
export function valueLines(v: unknown): string[] {
  if (v === undefined) return [];
  const text = (s: string): string[] => {
    const t = s.trim();
    if (!s.includes('\n') && (t.startsWith('{') || t.startsWith('['))) {
      try {
        return JSON.stringify(JSON.parse(t), null, 2).split('\n');
      } catch {
        // not JSON: plain text
      }
    }
    const lines = s.split('\n');
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    return lines;
  };
  if (typeof v === 'string') return text(v);
  if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) {
    return v.flatMap((x, i) => [...(i > 0 ? ['---'] : []), ...text(x)]);
  }
  return JSON.stringify(v, null, 2).split('\n');
}

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number };

/** The edit script between two line lists: common prefix and suffix, and a longest common subsequence between. */
function edits(a: readonly string[], b: readonly string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  const ops: Op[] = [];
  for (let i = 0; i < pre; i++) ops.push({ kind: ' ', line: a[i], a: i, b: i });
  const n = am.length;
  const m = bm.length;
  if (n * m > 4_000_000) {
    // Too large to align cheaply: the whole middle as removed, then added.
    am.forEach((line, i) => ops.push({ kind: '-', line, a: pre + i, b: pre }));
    bm.forEach((line, j) => ops.push({ kind: '+', line, a: pre + n, b: pre + j }));
  } else {
    // lcs[i][j]: length of the longest common subsequence of am[i..] and bm[j..].
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = am[i] === bm[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && am[i] === bm[j]) ops.push({ kind: ' ', line: am[i], a: pre + i++, b: pre + j++ });
      else if (j < m && (i === n || lcs[i][j + 1] > lcs[i + 1][j])) ops.push({ kind: '+', line: bm[j], a: pre + i, b: pre + j++ });
      else ops.push({ kind: '-', line: am[i], a: pre + i++, b: pre + j });
    }
  }
  for (let k = 0; k < suf; k++) ops.push({ kind: ' ', line: a[a.length - suf + k], a: a.length - suf + k, b: b.length - suf + k });
  return ops;
}

/**
 * Unified-diff hunks (`@@ -a,n +b,m @@`, then ` `, `-` and `+` lines) between two line lists, with `context` unchanged
 * lines around each change. Empty when the lists are equal.
 */
export function lineDiff(before: readonly string[], after: readonly string[], context = 2): string[] {
  const ops = edits(before, after);
  const changed = ops.map((o, i) => (o.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  if (changed.length === 0) return [];
  const out: string[] = [];
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k] - context);
    let end = changed[k];
    while (k + 1 < changed.length && changed[k + 1] - end <= 2 * context + 1) end = changed[++k];
    k++;
    const stop = Math.min(ops.length, end + context + 1);
    const hunk = ops.slice(start, stop);
    const aLen = hunk.filter((o) => o.kind !== '+').length;
    const bLen = hunk.filter((o) => o.kind !== '-').length;
    const aStart = aLen ? hunk.find((o) => o.kind !== '+')!.a + 1 : hunk[0].a;
    const bStart = bLen ? hunk.find((o) => o.kind !== '-')!.b + 1 : hunk[0].b;
    out.push(`@@ -${aStart},${aLen} +${bStart},${bLen} @@`, ...hunk.map((o) => `${o.kind}${o.line}`));
  }
  return out;
}

/** A fenced `diff` block of the redacted line diff of two values, each line prefixed with `indent`. */
export function diffBlock(before: unknown, after: unknown, indent: string): string[] {
  const lines = lineDiff(redactLines(valueLines(before)), redactLines(valueLines(after)));
  if (lines.length === 0) lines.push(' (the values differ only in parts that are redacted)');
  const longest = Math.max(0, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((r) => r.length))));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${indent}${fence}diff`, ...lines.map((l) => `${indent}${l}`.trimEnd()), `${indent}${fence}`];
}
