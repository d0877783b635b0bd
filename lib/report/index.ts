/**
 * The report command's work for one environment: the concept model, its SVG, the key settings and the change review
 * (when a base is given), put together into index.html. Reads synthesized stacks and the reports synth wrote beside
 * them; writes nothing itself.
 */
import type { EnvironmentView, StackJson } from '../baseline/stack-model';
import { diffStacks, reviewMarkdown } from '../baseline/review';
import { conceptModel } from '../diagram/concepts';
import { conceptSvg } from '../diagram/svg';
import { reportPage, type ReportPageInput } from './page';
import { keySettings } from './settings';

export interface EnvironmentPageOptions {
  /** baseline.json's content for this environment. */
  readonly baseline?: ReportPageInput['baseline'];
  /** runbook.md's Markdown. */
  readonly runbook?: string;
  /** Stacks to compare with (an earlier synth output), and how to name them in the review. */
  readonly base?: { readonly stacks: Record<string, StackJson>; readonly label: string };
}

export interface EnvironmentPage {
  readonly html: string;
  readonly svg: string;
}

export async function environmentPage(view: EnvironmentView, options: EnvironmentPageOptions = {}): Promise<EnvironmentPage> {
  const model = conceptModel(view);
  const svg = await conceptSvg(model);
  let review: string | undefined;
  if (options.base) {
    const mine = (stacks: Record<string, StackJson>) => Object.fromEntries(Object.entries(stacks).filter(([name]) => name in view.stacks || name.startsWith(`${view.name}-`)));
    review = reviewMarkdown(diffStacks(mine(options.base.stacks), mine(view.stacks as Record<string, StackJson>)), options.base.label);
  }
  const html = reportPage({ model, svg, baseline: options.baseline, settings: keySettings(view, model), runbook: options.runbook, review });
  return { html, svg };
}
