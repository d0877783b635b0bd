/**
 * The direction of imports between the library's layers, checked on the real import graph of lib/ (every
 * `import`, `import type`, `export ... from` and `require(...)` with a relative path, as the TypeScript compiler's
 * own pre-processor finds them):
 *
 *   config ─► shared facts (lib/azure, lib/util, lib/enums) ◄─ constructs
 *   stacks ─► config, constructs;  baseline ─► shared facts only (it reads synthesized JSON)
 *
 * and no file reaches itself through the imports that exist at run time (`import type` is erased by the compiler, so
 * a type-only import may point back; the direction rules count it all the same).
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

const rel = (f: string) => path.relative(LIB, f).split(path.sep).join('/');

/** Module specifiers a file imports only as types (`import type ... from`, `export type ... from`). */
function typeOnlySpecifiers(text: string): Set<string> {
  const typed = [...text.matchAll(/^\s*(?:import|export)\s+type\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
  const any = [...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^;]*?from\s+'([^']+)'|require\('([^']+)'\)|import\('([^']+)'\)/gm)].map((m) => m[1] ?? m[2] ?? m[3]);
  return new Set(typed.filter((t) => !any.includes(t)));
}

/** lib-relative path of every file, to the lib-relative paths it imports (all imports, and run-time ones only). */
const graph = new Map<string, string[]>();
const runtimeGraph = new Map<string, string[]>();
for (const file of sourceFiles(LIB)) {
  const text = readFileSync(file, 'utf8');
  const typeOnly = typeOnlySpecifiers(text);
  const specs = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
  const local = (list: string[]) =>
    [...new Set(list.map((spec) => resolve(file, spec)).filter((f): f is string => f !== undefined && f.startsWith(LIB)).map(rel))];
  graph.set(rel(file), local(specs));
  runtimeGraph.set(rel(file), local(specs.filter((spec) => !typeOnly.has(spec))));
}

const SHARED = /^(azure|util)\/|^enums\.ts$/;

/** Imports from files matching `from` into files matching `to`, as `a -> b` lines. */
function edges(from: RegExp, to: RegExp): string[] {
  return [...graph].flatMap(([f, deps]) => (from.test(f) ? deps.filter((d) => to.test(d)).map((d) => `${f} -> ${d}`) : []));
}

test('the graph is read (the rules below cannot pass on an empty list)', () => {
  expect(graph.size).toBeGreaterThan(50);
  expect(graph.get('config/checks.ts')).toContain('azure/cidr.ts');
  // a type-only import is in the full graph and not in the run-time one
  expect(graph.get('stacks/platform-addons.ts')).toContain('config/index.ts');
  expect(runtimeGraph.get('stacks/platform-addons.ts')).not.toContain('config/index.ts');
});

/** An add-on's configuration side (schema fragment and checks): what the configuration may import of lib/addons. */
const ADDON_SETTINGS = /^addons\/(settings\.ts|[^/]+\/settings\.ts)$/;

test('config imports no construct, stack, baseline, runbook or app file, and of the add-ons only their settings', () => {
  expect(edges(/^config\//, /^(constructs|stacks|baseline|runbook|docs)\/|^(app|synth)\.ts$/)).toEqual([]);
  expect(edges(/^config\//, /^addons\//).filter((e) => !ADDON_SETTINGS.test(e.split(' -> ')[1]))).toEqual([]);
});

test("an add-on's settings import no construct (the configuration loads them)", () => {
  expect(edges(ADDON_SETTINGS, /^(constructs|stacks|baseline|runbook)\/|^addons\/|^(app|synth)\.ts$/).filter((e) => !ADDON_SETTINGS.test(e.split(' -> ')[1]))).toEqual([]);
});

test("an add-on's constructs import no config, stack or baseline file (only its addon.ts reads the configuration)", () => {
  expect(edges(/^addons\/(?!.*\/addon\.ts$|.*settings\.ts$|add-on\.ts$|registry\.ts$)/, /^(config|stacks|baseline|runbook)\/|^(app|synth)\.ts$/)).toEqual([]);
  expect(edges(/^addons\//, /^(stacks|baseline|runbook)\/|^(app|synth)\.ts$/)).toEqual([]);
});

test('constructs import no config, stack, baseline or runbook file', () => {
  expect(edges(/^constructs\//, /^(config|stacks|baseline|runbook)\/|^(app|synth)\.ts$/)).toEqual([]);
});

/** What reads synthesized JSON: the baseline, the diagram and the report. */
const READERS = /^(baseline|diagram|report)\//;

test('the baseline, diagram and report import only each other and the shared facts (they read synthesized JSON, not the configuration)', () => {
  expect(edges(READERS, /./).filter((e) => !READERS.test(e.split(' -> ')[1]) && !SHARED.test(e.split(' -> ')[1]))).toEqual([]);
});

test('the shared facts import only each other', () => {
  expect(edges(SHARED, /./).filter((e) => !SHARED.test(e.split(' -> ')[1]))).toEqual([]);
});

test('nothing but the stacks, the app (app.ts, synth.ts) and the public entry (index.ts) imports a stack file', () => {
  expect(edges(/^(?!stacks\/|(app|synth|index)\.ts$)/, /^stacks\//)).toEqual([]);
});

test('no file imports itself at run time through others (no cycles)', () => {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const d of runtimeGraph.get(f) ?? []) {
      if (state.get(d) === 'open') cycles.push([...stack.slice(stack.indexOf(d)), d].join(' -> '));
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of [...runtimeGraph.keys()].sort()) if (!state.has(f)) visit(f);
  expect(cycles).toEqual([]);
});
