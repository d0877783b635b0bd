import type { Construct } from 'constructs';
import type { ResolvedEnvironment } from '../config';
import { ClusterAccess, type ClusterAccessGrant } from '../constructs/cluster-access';

/**
 * The environment's `access` grants and each team's (its role in its namespaces, and Cluster User Role on the
 * cluster for kubelogin), as one ClusterAccess. Construct IDs name the team or list position's principal.
 */
export function wireClusterAccess(scope: Construct, env: ResolvedEnvironment, clusterId: string): ClusterAccess | undefined {
  const grants: ClusterAccessGrant[] = [
    ...env.access.clusterRoles.map((r) => ({ role: r.role, principalId: r.principalId, principalType: r.principalType })),
    ...env.access.namespaceRoles.map((r) => ({ role: r.role, principalId: r.principalId, principalType: r.principalType, namespace: r.namespace })),
  ];
  for (const [team, t] of Object.entries(env.teams)) {
    for (const ns of t.namespaces) grants.push({ name: `team-${team}-${ns}`, role: t.role, principalId: t.groupId, namespace: ns });
    if (t.clusterUser) grants.push({ name: `team-${team}-cluster-user`, role: 'clusterUser', principalId: t.groupId });
  }
  return grants.length ? new ClusterAccess(scope, 'access', { clusterId, grants }) : undefined;
}
