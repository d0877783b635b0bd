/**
 * The architecture picture as a static SVG, laid out by ELK's layered algorithm (elkjs, the Eclipse Layout Kernel
 * compiled to JavaScript; no browser). Loaded only by `npm run report`, never by synth. Text is sized from a fixed
 * per-character width, so the same model always gives the same bytes.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { edgeLabel } from './mermaid';
import { GROUP_TITLES, GROUPS, type ConceptEdge, type ConceptModel, type ConceptNode } from './model';

const FONT = "'DejaVu Sans', 'Segoe UI', Arial, sans-serif";
/** Average advance per character at 12px (a little wide for Arial, about right for DejaVu Sans). */
const CHAR = 7;
const CHAR_BOLD = 7.8;
const CHAR_LABEL = 6.2;
const LINE = 15;

const COLORS: Record<string, [fill: string, stroke: string]> = {
  network: ['#e8f1fb', '#2f6fb3'],
  identity: ['#f3ecfa', '#7a4bb0'],
  cluster: ['#e9f6ee', '#2e8b57'],
  data: ['#fdf3e3', '#c07a12'],
  observability: ['#fbeaea', '#b23b3b'],
  'add-ons': ['#eaf6f8', '#23818f'],
  applications: ['#f1f4e6', '#6b7f1f'],
  other: ['#f2f2f2', '#777777'],
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Coordinates with one decimal: stable text, no float noise. */
const n = (v: number | undefined) => String(Math.round((v ?? 0) * 10) / 10);

function nodeSize(node: ConceptNode): { width: number; height: number } {
  const width = Math.max(node.title.length * CHAR_BOLD, ...node.details.map((d) => d.length * CHAR)) + 20;
  return { width: Math.ceil(Math.max(width, 120)), height: 14 + LINE * (node.details.length + 1) };
}

/** Whether an edge points from a later stack back to an earlier one (an add-on backing up to infra storage). */
function backwards(model: ConceptModel, e: ConceptEdge): boolean {
  const stackOf = (id: string) => model.stacks.findIndex((s) => s.name === model.nodes.find((n) => n.id === id)?.stack);
  return stackOf(e.from) > stackOf(e.to);
}

function graph(model: ConceptModel): ElkNode {
  const padding = '[top=30,left=12,bottom=12,right=12]';
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.layered.spacing.nodeNodeBetweenLayers': '50',
      'elk.spacing.nodeNode': '18',
      'elk.spacing.edgeLabel': '4',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.randomSeed': '1',
      'elk.json.edgeCoords': 'ROOT',
      'elk.json.shapeCoords': 'ROOT',
    },
    children: model.stacks.map((s) => ({
      id: `stack:${s.name}`,
      layoutOptions: { 'elk.padding': '[top=34,left=14,bottom=14,right=14]' },
      children: GROUPS.filter((g) => model.nodes.some((x) => x.stack === s.name && x.group === g)).map((g) => ({
        id: `group:${s.name}:${g}`,
        layoutOptions: { 'elk.padding': padding },
        children: model.nodes.filter((x) => x.stack === s.name && x.group === g).map((x) => ({ id: x.id, ...nodeSize(x) })),
      })),
    })),
    edges: model.edges.map((e, i) => {
      const label = edgeLabel(e, 2);
      // Laid out from the earlier stack to the later one, so the stack applied first stays on the left.
      const [source, target] = backwards(model, e) ? [e.to, e.from] : [e.from, e.to];
      return { id: `e${i}`, sources: [source], targets: [target], labels: [{ id: `e${i}l`, text: label, width: Math.ceil(label.length * CHAR_LABEL) + 6, height: 14 }] };
    }),
  };
}

/** Every node of a laid-out graph, compound ones included, by id. */
function index(node: ElkNode, out = new Map<string, ElkNode>()): Map<string, ElkNode> {
  out.set(node.id, node);
  for (const c of node.children ?? []) index(c, out);
  return out;
}

export async function conceptSvg(model: ConceptModel): Promise<string> {
  // Required here, not at the top: only the report command pays for loading the layout engine.
  const ELK = (await import('elkjs/lib/elk.bundled.js')).default;
  const laid = await new ELK().layout(graph(model));
  const byId = index(laid);
  const W = Math.ceil(laid.width ?? 0);
  const H = Math.ceil(laid.height ?? 0);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="concept-diagram" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(`Platform diagram: ${model.environment}`)}" data-nodes="${model.nodes.length}" data-edges="${model.edges.length}">`,
    `<style>text{font-family:${FONT};font-size:12px;fill:#1d2330}.title{font-weight:bold}.box-title{font-weight:bold;font-size:13px}.stack-title{font-weight:bold;font-size:14px}.edge path{fill:none;stroke:#4a5568;stroke-width:1.3}.edge text{font-size:11px;fill:#2d3748}.edge rect{fill:#ffffff;opacity:0.9}</style>`,
    '<defs><marker id="diagram-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#4a5568"/></marker></defs>',
  ];
  for (const s of model.stacks) {
    const box = byId.get(`stack:${s.name}`)!;
    out.push(
      `<g class="stack" data-stack="${esc(s.name)}"><rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="10" fill="#fbfbfd" stroke="#39414f" stroke-width="2" stroke-dasharray="8 4"/>` +
        `<text class="stack-title" x="${n((box.x ?? 0) + 14)}" y="${n((box.y ?? 0) + 22)}">${esc(`${s.name}: ${s.caption}`)}</text></g>`,
    );
    for (const g of GROUPS) {
      const gb = byId.get(`group:${s.name}:${g}`);
      if (!gb) continue;
      const [fill, stroke] = COLORS[g];
      out.push(
        `<g class="group" data-group="${g}"><rect x="${n(gb.x)}" y="${n(gb.y)}" width="${n(gb.width)}" height="${n(gb.height)}" rx="8" fill="${fill}" fill-opacity="0.45" stroke="${stroke}"/>` +
          `<text class="box-title" x="${n((gb.x ?? 0) + 12)}" y="${n((gb.y ?? 0) + 19)}" fill="${stroke}">${esc(GROUP_TITLES[g])}</text></g>`,
      );
    }
  }
  (laid.edges as ElkExtendedEdge[] | undefined)?.forEach((e, i) => {
    const m = model.edges[i];
    const points = (e.sections ?? []).flatMap((sec) => [sec.startPoint, ...(sec.bendPoints ?? []), sec.endPoint]);
    if (backwards(model, m)) points.reverse();
    const d = points.map((p, j) => `${j ? 'L' : 'M'}${n(p.x)},${n(p.y)}`).join('');
    const l = e.labels?.[0];
    const label = l
      ? `<rect x="${n(l.x)}" y="${n(l.y)}" width="${n(l.width)}" height="${n(l.height)}" rx="3"/><text x="${n((l.x ?? 0) + 3)}" y="${n((l.y ?? 0) + 11)}">${esc(l.text ?? '')}</text>`
      : '';
    out.push(`<g class="edge" data-from="${m.from}" data-to="${m.to}" data-meaning="${m.meaning}"><title>${esc(edgeLabel(m, 99))}</title><path d="${d}" marker-end="url(#diagram-arrow)"/>${label}</g>`);
  });
  for (const node of model.nodes) {
    const b = byId.get(node.id)!;
    const stroke = COLORS[node.group][1];
    const x = (b.x ?? 0) + 10;
    const lines = node.details.map((t, j) => `<tspan x="${n(x)}" y="${n((b.y ?? 0) + 20 + LINE * (j + 1))}">${esc(t)}</tspan>`).join('');
    out.push(
      `<g class="concept" id="node-${node.id}" data-kind="${node.kind}" data-group="${node.group}"><title>${esc(node.resources.join('\n'))}</title>` +
        `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" rx="6" fill="#ffffff" stroke="${stroke}" stroke-width="1.5"/>` +
        `<rect x="${n(b.x)}" y="${n(b.y)}" width="5" height="${n(b.height)}" fill="${stroke}"/>` +
        `<text x="${n(x)}" y="${n((b.y ?? 0) + 20)}"><tspan class="title">${esc(node.title)}</tspan>${lines}</text></g>`,
    );
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
