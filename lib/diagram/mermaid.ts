/**
 * The architecture picture as Mermaid (GitHub renders it in Markdown): a box per stack in apply order, a box per
 * concern inside it, one node per concept and one labelled arrow per relation. Kept well under Mermaid's default
 * limits (`maxTextSize` 50,000 characters, `maxEdges` 500), which a test checks.
 */
import { GROUP_TITLES, GROUPS, type ConceptEdge, type ConceptModel } from './model';

/** Mermaid's default `maxTextSize` (mermaid's config schema). */
export const MERMAID_MAX_TEXT = 50_000;
/** Mermaid's default `maxEdges`. */
export const MERMAID_MAX_EDGES = 500;

const text = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '#quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const boxId = (s: string) => s.replace(/[^A-Za-z0-9_]/g, '_');

/** An edge's label: its meaning, then up to three details. */
export function edgeLabel(e: ConceptEdge, max = 3): string {
  if (e.details.length === 0) return e.meaning;
  const shown = e.details.slice(0, max).join(', ');
  return `${e.meaning}: ${shown}${e.details.length > max ? ` +${e.details.length - max}` : ''}`;
}

const CLASSES: Record<string, string> = {
  network: 'fill:#e8f1fb,stroke:#2f6fb3',
  identity: 'fill:#f3ecfa,stroke:#7a4bb0',
  cluster: 'fill:#e9f6ee,stroke:#2e8b57',
  data: 'fill:#fdf3e3,stroke:#c07a12',
  observability: 'fill:#fbeaea,stroke:#b23b3b',
  'add-ons': 'fill:#eaf6f8,stroke:#23818f',
  applications: 'fill:#f1f4e6,stroke:#6b7f1f',
  other: 'fill:#f2f2f2,stroke:#777777',
};

export function conceptMermaid(model: ConceptModel): string {
  const lines = ['flowchart LR'];
  for (const stack of model.stacks) {
    const sid = boxId(stack.name);
    lines.push(`  subgraph ${sid}["${text(`${stack.name}: ${stack.caption}`)}"]`);
    for (const group of GROUPS) {
      const nodes = model.nodes.filter((n) => n.stack === stack.name && n.group === group);
      if (nodes.length === 0) continue;
      lines.push(`    subgraph ${sid}__${boxId(group)}["${text(GROUP_TITLES[group])}"]`);
      for (const n of nodes) lines.push(`      ${n.id}["<b>${text(n.title)}</b><br/>${n.details.map(text).join('<br/>')}"]:::${boxId(group)}`);
      lines.push('    end');
    }
    lines.push('  end');
  }
  for (const e of model.edges) lines.push(`  ${e.from} -->|"${text(edgeLabel(e))}"| ${e.to}`);
  for (const g of GROUPS) lines.push(`  classDef ${boxId(g)} ${CLASSES[g]}`);
  return lines.join('\n');
}
