/** Cross-field rules of the backend settings (Terraform Cloud workspaces the `tfc` stack creates). */
import type { Problem } from './problem';
import type { ResolvedEnvironment } from './model';

export function checkBackend(env: ResolvedEnvironment, out: Problem[]): void {
  const b = env.backend;
  if (b.type !== 'cloud') return;
  if (b.executionMode === 'agent' && !b.agentPoolId) {
    out.push({ path: 'backend.agentPoolId', message: 'is required when backend.executionMode is agent', allowed: 'the ID of an agent pool of the organization (apool-...)' });
  }
  if (b.executionMode !== 'agent' && b.agentPoolId) {
    out.push({ path: 'backend.agentPoolId', message: 'is only used with backend.executionMode agent', got: b.agentPoolId, allowed: 'executionMode: agent, or no agentPoolId' });
  }
}
