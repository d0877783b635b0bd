import { Construct } from 'constructs';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { BUILT_IN_ROLES, grantRole } from '../../constructs/role-assignment';

export interface AgicPermissionsProps {
  /** Resource ID of the existing Application Gateway. */
  readonly applicationGatewayId: string;
  /** Object ID of the AGIC add-on identity (the cluster attribute). */
  readonly agicPrincipalId: string;
}

/** The resource group ID part of an Azure resource ID. */
export function resourceGroupIdOf(resourceId: string): string {
  const m = /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+)\//i.exec(resourceId);
  if (!m) throw new Error(`not an Azure resource ID (got "${resourceId}"; allowed /subscriptions/<id>/resourceGroups/<rg>/providers/...)`);
  return m[1];
}

/**
 * What the AGIC add-on identity needs on an existing Application Gateway: Contributor on the gateway (it rewrites
 * its configuration) and Reader on the gateway's resource group. If the gateway's subnet is in another resource
 * group, AGIC also needs Network Contributor on that subnet: grant it where the subnet is managed.
 */
export class AgicPermissions extends Construct {
  readonly roleAssignments: RoleAssignment[];

  constructor(scope: Construct, id: string, props: AgicPermissionsProps) {
    super(scope, id);
    const rg = resourceGroupIdOf(props.applicationGatewayId);
    this.roleAssignments = [
      grantRole(this, 'gateway-contributor', { role: BUILT_IN_ROLES.contributor, principalId: props.agicPrincipalId, scope: props.applicationGatewayId }),
      grantRole(this, 'gateway-rg-reader', { role: BUILT_IN_ROLES.reader, principalId: props.agicPrincipalId, scope: rg }),
    ];
  }
}
