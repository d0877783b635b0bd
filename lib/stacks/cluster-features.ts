import type { ResolvedEnvironment } from '../config';
import type { ClusterFeatureProps } from '../constructs/cluster-features';

/** The cluster feature props of an environment (cluster settings, advanced networking, CRG grants). */
export function clusterFeatureProps(env: ResolvedEnvironment): ClusterFeatureProps & { capacityReservationGroupIds: string[] } {
  const c = env.cluster;
  return {
    secretRotationEnabled: c.secretRotationEnabled,
    oidcIssuer: c.oidcIssuer,
    workloadIdentity: c.workloadIdentity,
    containerInsightsMsiAuth: c.monitoring.containerInsightsMsiAuth,
    nodeResourceGroup: c.nodeResourceGroup,
    runCommand: c.runCommand,
    imageCleaner: c.imageCleaner,
    storage: c.storage,
    costAnalysis: c.costAnalysis,
    kms: c.kms,
    diskEncryptionSetId: c.diskEncryptionSetId,
    advancedNetworking: env.network.advancedNetworking,
    capacityReservationGroupIds: env.nodePools.filter((p) => p.kind !== 'system').flatMap((p) => (p.capacityReservationGroupId ? [p.capacityReservationGroupId] : [])),
  };
}
