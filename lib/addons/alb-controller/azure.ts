import { Token } from 'cdktf';
import { isCidr, prefixLength } from '../../azure/cidr';
import { Construct } from 'constructs';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { WorkloadIdentity } from '../../constructs/workload-identity';
import { BUILT_IN_ROLES, grantRole } from '../../constructs/role-assignment';

/** The ALB controller's ServiceAccount, as the alb-controller chart names it. */
export const ALB_CONTROLLER_SERVICE_ACCOUNT = 'alb-controller-sa';
/** The delegation an Application Gateway for Containers association subnet needs. */
export const AGC_SUBNET_DELEGATION = 'Microsoft.ServiceNetworking/trafficControllers';

export interface AgcInfraProps {
  /** VNet that holds the cluster (the AGC subnet must reach the pods). */
  readonly virtualNetworkName: string;
  /** Resource group of that VNet. */
  readonly virtualNetworkResourceGroupName: string;
  /**
   * Address range of the AGC subnet to create: at least a /24 (250 addresses), inside the VNet, overlapping nothing.
   * Ignored with `subnetId`.
   */
  readonly subnetCidr?: string;
  /**
   * An association subnet that already exists (a landing zone's applicationGatewayForContainers subnet, delegated to
   * `Microsoft.ServiceNetworking/trafficControllers`): no subnet is created. @default - a subnet is created from subnetCidr
   */
  readonly subnetId?: string;
  /** Subnet name. @default 'snet-agc' */
  readonly subnetName?: string;
  /** Where the identity lives. */
  readonly resourceGroupName: string;
  readonly location: string;
  readonly oidcIssuerUrl: string;
  /** The node resource group's ID (a reference): where the ALB controller creates the AGC resources. */
  readonly nodeResourceGroupId: string;
  /** Namespace of the ALB controller. @default 'alb-infra' */
  readonly controllerNamespace?: string;
  /** Identity name. @default 'azure-alb-identity' */
  readonly identityName?: string;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * Application Gateway for Containers, Azure side, for the "managed by ALB controller" strategy: the association
 * subnet delegated to `Microsoft.ServiceNetworking/trafficControllers`, and the ALB controller identity (workload
 * identity for `<controllerNamespace>:alb-controller-sa`) with the roles Microsoft's quickstarts grant: Reader and
 * AppGw for Containers Configuration Manager on the node resource group (where the controller creates the AGC
 * resource), and Network Contributor on the association subnet (subnets/join/action).
 */
export class AgcInfra extends Construct {
  /** The subnet created here (not with `subnetId`). */
  readonly subnet?: Subnet;
  /** The association subnet's ID (created or given). */
  readonly subnetId: string;
  readonly identity: WorkloadIdentity;
  readonly roleAssignments: RoleAssignment[];

  constructor(scope: Construct, id: string, props: AgcInfraProps) {
    super(scope, id);
    if (!props.subnetId && !props.subnetCidr) throw new Error('AgcInfra: subnetCidr or subnetId is required (allowed: a /24 or larger range, or an existing subnet ID)');
    if (props.subnetCidr && !Token.isUnresolved(props.subnetCidr) && isCidr(props.subnetCidr) && prefixLength(props.subnetCidr) > 24) {
      throw new Error(`AgcInfra: subnetCidr ${props.subnetCidr} is too small (allowed: a /24 or larger, at least 250 addresses)`);
    }
    this.subnet = props.subnetId
      ? undefined
      : new Subnet(this, 'subnet', {
          name: props.subnetName ?? 'snet-agc',
          resourceGroupName: props.virtualNetworkResourceGroupName,
          virtualNetworkName: props.virtualNetworkName,
          addressPrefixes: [props.subnetCidr!],
          delegation: [
            {
              name: 'agc',
              serviceDelegation: { name: AGC_SUBNET_DELEGATION, actions: ['Microsoft.Network/virtualNetworks/subnets/join/action'] },
            },
          ],
        });
    this.subnetId = props.subnetId ?? this.subnet!.id;
    this.identity = new WorkloadIdentity(this, 'identity', {
      name: props.identityName ?? 'azure-alb-identity',
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      oidcIssuerUrl: props.oidcIssuerUrl,
      namespace: props.controllerNamespace ?? 'alb-infra',
      serviceAccountName: ALB_CONTROLLER_SERVICE_ACCOUNT,
      tags: props.tags,
    });
    const p = this.identity.principalId;
    this.roleAssignments = [
      grantRole(this, 'node-rg-reader', { role: BUILT_IN_ROLES.reader, principalId: p, scope: props.nodeResourceGroupId }),
      grantRole(this, 'node-rg-agc-configuration-manager', { role: BUILT_IN_ROLES.agcConfigurationManager, principalId: p, scope: props.nodeResourceGroupId }),
      grantRole(this, 'subnet-network-contributor', { role: BUILT_IN_ROLES.networkContributor, principalId: p, scope: this.subnetId }),
    ];
  }
}
