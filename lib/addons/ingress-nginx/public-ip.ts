import { Construct } from 'constructs';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { BUILT_IN_ROLES, grantRole } from '../../constructs/role-assignment';

export interface IngressPublicIpProps {
  /** Public IP name. */
  readonly name: string;
  /** Resource group (the platform's, not the node resource group: the address outlives the cluster). */
  readonly resourceGroupName: string;
  readonly location: string;
  /** The cluster's control-plane identity: it attaches the address to the cluster load balancer. */
  readonly clusterPrincipalId: string;
  /** Availability zones of the address. @default ['1','2','3'] */
  readonly zones?: string[];
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * A static Standard public IP for the ingress controller's load balancer, in the platform resource group so it
 * survives a cluster rebuild (DNS keeps pointing at it). The cluster identity gets Network Contributor on this
 * address only (what the cloud provider needs to read and join it), not on the whole resource group.
 */
export class IngressPublicIp extends Construct {
  readonly publicIp: PublicIp;
  readonly roleAssignment: RoleAssignment;
  readonly resourceGroupName: string;

  constructor(scope: Construct, id: string, props: IngressPublicIpProps) {
    super(scope, id);
    this.resourceGroupName = props.resourceGroupName;
    this.publicIp = new PublicIp(this, 'public-ip', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      allocationMethod: 'Static',
      sku: 'Standard',
      zones: props.zones ?? ['1', '2', '3'],
      tags: props.tags ?? {},
    });
    this.roleAssignment = grantRole(this, 'cluster-network-contributor', { role: BUILT_IN_ROLES.networkContributor, principalId: props.clusterPrincipalId, scope: this.publicIp.id });
  }

  get name(): string {
    return this.publicIp.name;
  }

  get ipAddress(): string {
    return this.publicIp.ipAddress;
  }
}
