import { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import { VirtualNetworkPeering } from '@cdktf/provider-azurerm/lib/virtual-network-peering';
import { parseResourceId } from '../../azure/network-roles';

export interface HubPeeringProps {
  /** The spoke VNet's name and resource group. */
  readonly spokeName: string;
  readonly spokeResourceGroupName: string;
  /** The spoke VNet's ID (for the hub side). */
  readonly spokeId: string;
  /** The hub VNet's resource ID. */
  readonly hubId: string;
  /** Accept traffic the hub forwards (firewall, on-premises). @default true */
  readonly allowForwardedTraffic?: boolean;
  /** Use the hub's gateways. @default false */
  readonly useRemoteGateways?: boolean;
  /** Create the hub-to-spoke side too (needs write access to the hub's resource group). @default false */
  readonly createHubSide?: boolean;
  /** Hub side: let the spoke use the hub's gateways. @default false */
  readonly hubAllowGatewayTransit?: boolean;
  /** Provider for the hub side when the hub is in another subscription. @default - the stack's default provider */
  readonly hubProvider?: TerraformProvider;
}

/** Peering between a spoke and its hub: the spoke side always, the hub side when the deployer may write there. */
export class HubPeering extends Construct {
  readonly spokeToHub: VirtualNetworkPeering;
  readonly hubToSpoke?: VirtualNetworkPeering;

  constructor(scope: Construct, id: string, props: HubPeeringProps) {
    super(scope, id);
    const hub = parseResourceId(props.hubId);
    this.spokeToHub = new VirtualNetworkPeering(this, 'spoke-to-hub', {
      name: `peer-to-${hub.name}`,
      resourceGroupName: props.spokeResourceGroupName,
      virtualNetworkName: props.spokeName,
      remoteVirtualNetworkId: props.hubId,
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: props.allowForwardedTraffic ?? true,
      useRemoteGateways: props.useRemoteGateways ?? false,
      allowGatewayTransit: false,
    });
    if (props.createHubSide) {
      this.hubToSpoke = new VirtualNetworkPeering(this, 'hub-to-spoke', {
        name: `peer-to-${props.spokeName}`,
        resourceGroupName: hub.resourceGroupName,
        virtualNetworkName: hub.name,
        remoteVirtualNetworkId: props.spokeId,
        allowVirtualNetworkAccess: true,
        allowForwardedTraffic: true,
        allowGatewayTransit: props.hubAllowGatewayTransit ?? false,
        useRemoteGateways: false,
        provider: props.hubProvider,
      });
    }
  }
}
