/**
 * diagram.md of each environment, written at synth: the architecture picture (one node per platform concept, edges
 * that say what one concept does with another) as Mermaid. The static SVG and the report page come from
 * `npm run report` (lib/report), so the layout library never runs during synth.
 */
import { conceptModel } from '../diagram/concepts';
import { conceptMermaid } from '../diagram/mermaid';
import { MEANINGS } from '../diagram/model';
import type { EnvironmentView } from './stack-model';

export function diagramMermaid(env: EnvironmentView): string {
  return conceptMermaid(conceptModel(env));
}

export function diagramMarkdown(env: EnvironmentView): string {
  return [
    `# Platform diagram: ${env.name}`,
    '',
    `One node per platform concept, grouped by concern inside the stack that applies it (the infra stack first, then the platform stack from its outputs). Every arrow says what one concept does with another: ${MEANINGS.map((m) => `"${m}"`).join(', ')}. Built from the synthesized stacks; \`npm run report\` draws the same picture as SVG in \`index.html\`. Generated at synth; do not edit.`,
    '',
    '```mermaid',
    diagramMermaid(env),
    '```',
    '',
  ].join('\n');
}
