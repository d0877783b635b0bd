/**
 * Baseline test helpers. Real config first: `real()` is the synthesized default platform.yaml (or a patch of it).
 * FIXTURE helpers add resources that other work streams create (Key Vault, ACR, storage, node pools, Helm releases,
 * Kubernetes objects) to a copy of the real stacks; once those land, switch the fixture cases to config patches.
 */
import { RULES } from '../../lib/baseline/rules';
import { EnvironmentView, type StackJson } from '../../lib/baseline/stack-model';
import type { Outcome } from '../../lib/baseline/types';
import { configText, synthAll } from '../helpers/synth';

/** A deep copy of the synthesized stacks of the default config (with `patch` merged in). */
export function real(patch?: Record<string, unknown>): Record<string, StackJson> {
  return structuredClone(synthAll(patch ? configText(patch) : undefined)) as Record<string, StackJson>;
}

/** The view of one environment. */
export function view(stacks: Record<string, StackJson>, env = 'prod'): EnvironmentView {
  const mine = Object.fromEntries(Object.entries(stacks).filter(([n]) => n.startsWith(`${env}-`)));
  return new EnvironmentView(env, mine);
}

/** One rule's outcomes on one environment. */
export function check(id: string, stacks: Record<string, StackJson>, env = 'prod'): Outcome[] {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule.check(view(stacks, env));
}

/** The statuses a rule reports, deduplicated and sorted. */
export function statuses(id: string, stacks: Record<string, StackJson>, env = 'prod'): string[] {
  return [...new Set(check(id, stacks, env).map((o) => o.status))].sort();
}

/** The one azurerm_kubernetes_cluster's attributes in `<env>-infra` (mutable: stacks are copies). */
export function cluster(stacks: Record<string, StackJson>, env = 'prod'): Record<string, any> {
  return Object.values(stacks[`${env}-infra`].resource!.azurerm_kubernetes_cluster)[0] as Record<string, any>;
}

/** FIXTURE: adds a resource to a stack copy and returns the stacks. */
export function add(stacks: Record<string, StackJson>, stack: string, type: string, name: string, attrs: Record<string, unknown>) {
  const s = stacks[stack];
  s.resource = s.resource ?? {};
  s.resource[type] = { ...s.resource[type], [name]: { '//': { metadata: { path: `${stack}/${name}`, uniqueId: name } }, ...attrs } };
  return stacks;
}

/** The cluster's address as a Terraform reference (`${azurerm_kubernetes_cluster.<name>.id}`). */
export function clusterRef(stacks: Record<string, StackJson>, attr = 'id', env = 'prod'): string {
  const name = Object.keys(stacks[`${env}-infra`].resource!.azurerm_kubernetes_cluster)[0];
  return `\${azurerm_kubernetes_cluster.${name}.${attr}}`;
}
