import { Construct } from 'constructs';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { AKS_ACCESS_ROLES, type AksAccessRole } from '../azure/roles';
import { grantRole } from './role-assignment';

/** One Azure RBAC for Kubernetes grant. */
export interface ClusterAccessGrant {
  /** clusterAdmin, admin, writer, reader or clusterUser (the built-in AKS roles). */
  readonly role: AksAccessRole;
  /** Object ID of the group, user or service principal. */
  readonly principalId: string;
  /** @default 'Group' */
  readonly principalType?: 'Group' | 'User' | 'ServicePrincipal';
  /** The namespace, for a namespace-scoped grant. @default - the whole cluster */
  readonly namespace?: string;
  /**
   * A stable name for the grant, unique in this construct: part of its construct ID, so of its Terraform address.
   * @default - derived from role, namespace and principal
   */
  readonly name?: string;
}

export interface ClusterAccessProps {
  /** Resource ID of the cluster (namespace scopes are `<id>/namespaces/<ns>`). */
  readonly clusterId: string;
  /** The grants. @default [] */
  readonly grants?: ClusterAccessGrant[];
}

/**
 * Azure RBAC for Kubernetes role assignments on a cluster and its namespaces (`azurerm_role_assignment` by role
 * name). The cluster needs Entra ID integration with Azure RBAC, which AksCluster always turns on.
 */
export class ClusterAccess extends Construct {
  /** The assignments, in the order granted. */
  readonly assignments: RoleAssignment[] = [];
  private readonly clusterId: string;

  constructor(scope: Construct, id: string, props: ClusterAccessProps) {
    super(scope, id);
    this.clusterId = props.clusterId;
    for (const g of props.grants ?? []) this.grant(g);
  }

  /** Adds one grant and returns its role assignment. */
  grant(g: ClusterAccessGrant): RoleAssignment {
    if (g.namespace !== undefined && (g.role === 'clusterAdmin' || g.role === 'clusterUser')) {
      throw new Error(`ClusterAccess: invalid role ${JSON.stringify(g.role)} at namespace scope; allowed: admin, writer, reader`);
    }
    const name = g.name ?? [g.role, g.namespace ?? 'cluster', g.principalId].join('-');
    const a = grantRole(this, name, {
      scope: g.namespace === undefined ? this.clusterId : `${this.clusterId}/namespaces/${g.namespace}`,
      principalId: g.principalId,
      role: AKS_ACCESS_ROLES[g.role],
      principalType: g.principalType ?? 'Group',
    });
    this.assignments.push(a);
    return a;
  }
}
