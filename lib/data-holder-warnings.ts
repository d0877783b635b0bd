/**
 * Synth's own warning, one line per resource, when the new output would replace or remove a data holder (or the
 * cluster) that the previous output in the same folder has: the review command says the same at length.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { DATA_HOLDERS, DATA_HOLDER_TYPES } from './azure/data-holders';
import { diffStacks } from './baseline/review';
import type { StackJson } from './baseline/stack-model';

/** Only the data-holding resources of a stack file (the diff stays small), or undefined when there is none. */
function holders(file: string): StackJson | undefined {
  if (!existsSync(file)) return undefined;
  const s = JSON.parse(readFileSync(file, 'utf8')) as StackJson;
  const resource = Object.fromEntries(Object.entries(s.resource ?? {}).filter(([t]) => DATA_HOLDER_TYPES.has(t)));
  return { resource } as StackJson;
}

const what = (type: string) => DATA_HOLDERS.find((d) => d.types.includes(type))?.holds ?? 'its data';

/** One warning per data holder the staged output replaces or removes, compared with the output in `target`. */
export function dataHolderWarnings(target: string, staging: string, stacks: readonly string[]): string[] {
  const before: Record<string, StackJson> = {};
  const after: Record<string, StackJson> = {};
  for (const n of stacks) {
    const b = holders(path.join(target, 'stacks', n, 'cdk.tf.json'));
    if (!b) continue; // a new stack replaces nothing
    before[n] = b;
    after[n] = holders(path.join(staging, 'stacks', n, 'cdk.tf.json')) ?? ({ resource: {} } as StackJson);
  }
  const out: string[] = [];
  for (const c of diffStacks(before, after)) {
    for (const r of c.changed.filter((x) => x.replaced)) {
      const attrs = r.attributes.filter((a) => a.forcesReplacement).map((a) => a.path).join(', ');
      out.push(`${c.stack}: ${r.address} would be REPLACED (${attrs} changed): destroyed and recreated, losing ${what(r.type)}`);
    }
    for (const a of c.removed) {
      out.push(`${c.stack}: ${a} would be DESTROYED (gone from the output, or renamed): losing ${what(a.split('.')[0])}`);
    }
  }
  return out;
}
