/**
 * A Mermaid picture of one environment: every managed resource, grouped by stack, with an arrow for each reference
 * (`${type.name.attr}` tokens, followed across stacks through remote-state outputs) labelled with the attribute that
 * holds it, and the in-cluster providers linked to the cluster they are configured from. Deterministic order.
 */
import type { EnvironmentView, Resource } from './stack-model';

const id = (s: string) => s.replace(/[^A-Za-z0-9_]/g, '_');
const text = (s: string) => s.replace(/"/g, '#quot;');

/** The node label: the construct path inside its stack, and the resource type. */
function label(r: Resource): string {
  const inStack = r.path.startsWith(`${r.stack}/`) ? r.path.slice(r.stack.length + 1) : r.path;
  return `${text(inStack)}<br/><i>${r.type}</i>`;
}

/** Strings inside a value (provider blocks hold references too). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => k !== '//' && strings(v, out));
  return out;
}

export function diagramMermaid(env: EnvironmentView): string {
  const lines: string[] = ['flowchart LR'];
  const edges = new Map<string, Set<string>>();
  const edge = (from: string, to: string, attr: string) => {
    const key = `${from} ${to}`;
    edges.set(key, (edges.get(key) ?? new Set()).add(attr));
  };
  for (const stack of Object.keys(env.stacks).sort()) {
    const rs = env.resources.filter((r) => r.stack === stack && !r.data);
    const providers = Object.keys((env.stacks[stack].provider as Record<string, unknown>) ?? {}).sort();
    lines.push(`  subgraph ${id(stack)}["${text(stack)}"]`);
    for (const p of providers) {
      const targets = new Set<Resource>();
      for (const s of strings(env.stacks[stack].provider![p as never])) {
        for (const m of s.matchAll(/\$\{[^}]*\}/g)) {
          for (const ref of m[0].matchAll(/((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)((?:\.[A-Za-z0-9_-]+|\[\d+\])*)/g)) {
            env.resolve(stack, ref[1], ref[2]).forEach((t) => targets.add(t));
          }
        }
      }
      if (targets.size === 0) continue;
      lines.push(`    ${id(`${stack}.provider.${p}`)}(["provider ${text(p)}"])`);
      for (const t of targets) edge(id(`${stack}.provider.${p}`), id(t.address), 'configured from');
    }
    for (const r of rs) lines.push(`    ${id(r.address)}["${label(r)}"]`);
    lines.push('  end');
    for (const r of rs) for (const ref of env.referencesFrom(r)) if (!ref.to.data && ref.to.type !== 'azurerm_resource_group') edge(id(r.address), id(ref.to.address), ref.attr);
  }
  for (const key of [...edges.keys()].sort()) {
    const [from, to] = key.split(' ');
    lines.push(`  ${from} -->|${[...edges.get(key)!].sort().join(', ')}| ${to}`);
  }
  return lines.join('\n');
}

export function diagramMarkdown(env: EnvironmentView): string {
  return [
    `# Platform diagram: ${env.name}`,
    '',
    'Every resource of the synthesized stacks; an arrow points from a resource to one it references, labelled with the attribute that holds the reference. Generated at synth; do not edit.',
    '',
    '```mermaid',
    diagramMermaid(env),
    '```',
    '',
  ].join('\n');
}
