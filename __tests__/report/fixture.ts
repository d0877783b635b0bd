/**
 * The report page of the default prod, built in memory the way `npm run report` builds it from an output folder:
 * the baseline (with one waiver, so the waiver table has a row), the runbook, and a change review against a copy of
 * the stacks with one pool resized.
 */
import { evaluateEnvironment } from '../../lib/baseline/engine';
import { reportJson } from '../../lib/baseline/report';
import { environmentPage, type EnvironmentPage } from '../../lib/report';
import { runbookMarkdown } from '../../lib/runbook';
import { real, view } from '../baseline/helpers';
import { config } from '../helpers/synth';

export const TODAY = '2026-11-25';
export const WAIVER = { rule: 'AKS-ACR-003', reason: 'private registry endpoint arrives with the hub network', expires: '2026-12-31' };

export async function prodPage(): Promise<EnvironmentPage & { expectedNodes: number }> {
  const stacks = real();
  const v = view(stacks);
  const env = config().environments.find((e) => e.name === 'prod')!;
  const baseline = JSON.parse(reportJson(evaluateEnvironment(v, { enforcement: 'fail', waivers: [WAIVER] }, TODAY)));
  const base = real();
  const pools = base['prod-infra'].resource!.azurerm_kubernetes_cluster_node_pool;
  const apps = Object.values(pools).find((p) => p.name === 'apps')!;
  apps.vm_size = 'Standard_D2s_v3';
  const page = await environmentPage(v, { baseline, runbook: runbookMarkdown(env), base: { stacks: base, label: '`base`' } });
  const { conceptModel } = await import('../../lib/diagram/concepts');
  return { ...page, expectedNodes: conceptModel(v).nodes.length };
}
