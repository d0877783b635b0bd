/**
 * Reads the stacks out of a Jest snapshot file (`__tests__/stacks/__snapshots__/snapshot.test.ts.snap`): each entry
 * is a template literal holding pretty-format output (quoted keys, trailing commas, strings printed unescaped), which
 * this parses back into JSON values.
 */
import type { StackJson } from './stack-model';

/** Stacks by name from snapshot file text; entry names end with the stack name (`default stacks prod-infra 1`). */
export function stacksFromSnapshot(text: string): Record<string, StackJson> {
  const out: Record<string, StackJson> = {};
  for (const m of text.matchAll(/^exports\[`(.*?) \d+`\] = `\n([\s\S]*?)\n`;$/gm)) {
    const name = m[1].split(' ').pop()!;
    const body = m[2].replace(/\\([`\\]|\$\{)/g, '$1');
    out[name] = parsePretty(body) as StackJson;
  }
  return out;
}

/** Parses pretty-format output (escapeString: false, printBasicPrototype: false). */
export function parsePretty(src: string): unknown {
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`snapshot: ${what} at offset ${pos}: ${JSON.stringify(src.slice(pos, pos + 40))}`);
  };

  function value(indent: number): unknown {
    if (src.startsWith('{}', pos)) return (pos += 2), {};
    if (src.startsWith('[]', pos)) return (pos += 2), [];
    if (src[pos] === '{') {
      pos += 2; // "{\n"
      const obj: Record<string, unknown> = {};
      const inner = ' '.repeat(indent + 2);
      while (src.startsWith(`${inner}"`, pos)) {
        pos += inner.length + 1;
        const end = src.indexOf('": ', pos);
        if (end < 0) fail('unterminated key');
        const key = src.slice(pos, end);
        pos = end + 3;
        obj[key] = value(indent + 2);
        if (!src.startsWith(',\n', pos)) fail('expected ",\\n"');
        pos += 2;
      }
      if (!src.startsWith(`${' '.repeat(indent)}}`, pos)) fail('expected "}"');
      pos += indent + 1;
      return obj;
    }
    if (src[pos] === '[') {
      pos += 2;
      const arr: unknown[] = [];
      const inner = ' '.repeat(indent + 2);
      while (src.startsWith(inner, pos) && src[pos + inner.length] !== ' ') {
        pos += inner.length;
        arr.push(value(indent + 2));
        if (!src.startsWith(',\n', pos)) fail('expected ",\\n"');
        pos += 2;
      }
      if (!src.startsWith(`${' '.repeat(indent)}]`, pos)) fail('expected "]"');
      pos += indent + 1;
      return arr;
    }
    if (src[pos] === '"') {
      // Unescaped string: it ends at the first `",\n` followed by the next sibling or the closing bracket.
      const sibling = ' '.repeat(indent);
      const closing = ' '.repeat(Math.max(indent - 2, 0));
      let search = pos + 1;
      for (;;) {
        const end = src.indexOf('",\n', search);
        if (end < 0) {
          if (src.endsWith('"') && indent === 0) {
            const s = src.slice(pos + 1, src.length - 1);
            pos = src.length;
            return s;
          }
          fail('unterminated string');
        }
        const next = end + 3;
        const rest = src.slice(next, next + indent + 1);
        const ok =
          (rest.startsWith(sibling) && rest[indent] !== ' ' && rest.length > indent) ||
          (src.startsWith(closing, next) && '}]'.includes(src[next + closing.length] ?? ''));
        if (ok) {
          const s = src.slice(pos + 1, end);
          pos = end + 1;
          return s;
        }
        search = end + 1;
      }
    }
    const m = /^(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?|true|false|null|undefined)/.exec(src.slice(pos, pos + 40));
    if (!m) fail('unexpected value');
    pos += m![0].length;
    const t = m![0];
    return t === 'true' ? true : t === 'false' ? false : t === 'null' ? null : t === 'undefined' ? undefined : Number(t);
  }
  return value(0);
}
