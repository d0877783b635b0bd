import { defineAddOn } from '../add-on';
import { TrivyOperator, TRIVY_OPERATOR_POD_SECURITY, TRIVY_OPERATOR_POD_SECURITY_REASON } from '.';
import { TRIVY_NAMESPACE, TrivyScannerIdentity } from './azure';

/** The Trivy operator (`addons.trivyOperator`): a scanner identity (AcrPull on the platform registry), then the operator. */
export const trivyOperator = defineAddOn({
  name: 'trivy-operator',
  configBlock: 'addons.trivyOperator',
  enabled: (env) => env.addons.trivyOperator.enabled,
  infra: ({ scope, env, base }) => {
    const identity = new TrivyScannerIdentity(scope, 'trivy', { ...base, name: `id-trivy-${env.project}-${env.name}` });
    return { construct: identity, outputs: { clientId: identity.identity.clientId } };
  },
  namespace: () => ({ name: TRIVY_NAMESPACE, podSecurity: TRIVY_OPERATOR_POD_SECURITY, reason: TRIVY_OPERATOR_POD_SECURITY_REASON }),
  platform: ({ scope, env, namespace }, infra) => {
    const trivy = env.addons.trivyOperator;
    const pool = trivy.scanJobNodePool ? env.nodePools.find((p) => p.name === trivy.scanJobNodePool) : env.nodePools.find((p) => p.kind === 'user');
    return new TrivyOperator(scope, 'trivy-operator', {
      ...trivy.release,
      namespace: namespace!.name,
      ignoreUnfixed: trivy.ignoreUnfixed,
      severities: trivy.severities,
      scanJobsConcurrentLimit: trivy.scanJobsConcurrentLimit,
      scanJobResources: trivy.scanJobResources,
      scanJobNodeSelector: pool ? { 'kubernetes.azure.com/agentpool': pool.name } : undefined,
      scanJobTolerations: pool?.taints,
      clientId: infra?.clientId,
      chartVersion: trivy.chartVersion,
      values: trivy.values,
    });
  },
});
