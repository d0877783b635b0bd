/**
 * The direction of imports between the library's layers, checked on the real import graph of lib/ (every
 * `import`, `import type`, `export ... from` and `require(...)` with a relative path, as the TypeScript compiler's
 * own pre-processor finds them):
 *
 *   config ─► shared facts (lib/azure, lib/util, lib/enums) ◄─ constructs
 *   stacks ─► config, constructs;  baseline ─► shared facts only (it reads synthesized JSON)
 *
 * and no file reaches itself through its imports.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');
const LIB = path.join(ROOT, 'lib');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? sourceFiles(p) : n.endsWith('.ts') && !n.endsWith('.d.ts') ? [p] : [];
  });
}

function resolve(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [`${base}.ts`, path.join(base, 'index.ts')]) {
    try {
      if (statSync(c).isFile()) return c;
    } catch {
      // not this one
    }
  }
  return undefined;
}

/** lib-relative path of every file, to the lib-relative paths it imports. */
const graph = new Map<string, string[]>();
for (const file of sourceFiles(LIB)) {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const deps = info.importedFiles.map((f) => resolve(file, f.fileName)).filter((f): f is string => f !== undefined && f.startsWith(LIB));
  graph.set(path.relative(LIB, file).split(path.sep).join('/'), [...new Set(deps.map((d) => path.relative(LIB, d).split(path.sep).join('/')))]);
}

const SHARED = /^(azure|util)\/|^enums\.ts$/;

/** Imports from files matching `from` into files matching `to`, as `a -> b` lines. */
function edges(from: RegExp, to: RegExp): string[] {
  return [...graph].flatMap(([f, deps]) => (from.test(f) ? deps.filter((d) => to.test(d)).map((d) => `${f} -> ${d}`) : []));
}

test('the graph is read (the rules below cannot pass on an empty list)', () => {
  expect(graph.size).toBeGreaterThan(50);
  expect(graph.get('config/checks.ts')).toContain('azure/cidr.ts');
});

test('config imports no construct, stack, baseline, runbook or app file', () => {
  expect(edges(/^config\//, /^(constructs|stacks|baseline|runbook|docs)\/|^(app|synth)\.ts$/)).toEqual([]);
});

test('constructs import no config, stack, baseline or runbook file', () => {
  expect(edges(/^constructs\//, /^(config|stacks|baseline|runbook)\/|^(app|synth)\.ts$/)).toEqual([]);
});

test('the baseline imports only itself and the shared facts (it reads synthesized JSON, not the configuration)', () => {
  expect(edges(/^baseline\//, /^(?!baseline\/)/).filter((e) => !SHARED.test(e.split(' -> ')[1]))).toEqual([]);
});

test('the shared facts import only each other', () => {
  expect(edges(SHARED, /./).filter((e) => !SHARED.test(e.split(' -> ')[1]))).toEqual([]);
});

test('nothing but the stacks and the app imports a stack file', () => {
  expect(edges(/^(?!stacks\/|app\.ts$)/, /^stacks\//)).toEqual([]);
});

test('no file imports itself through others (no cycles)', () => {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const d of graph.get(f) ?? []) {
      if (state.get(d) === 'open') cycles.push([...stack.slice(stack.indexOf(d)), d].join(' -> '));
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of [...graph.keys()].sort()) if (!state.has(f)) visit(f);
  expect(cycles).toEqual([]);
});
