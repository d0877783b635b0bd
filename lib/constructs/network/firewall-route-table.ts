import { Construct } from 'constructs';
import { Route } from '@cdktf/provider-azurerm/lib/route';
import { RouteTable } from '@cdktf/provider-azurerm/lib/route-table';
import { SubnetRouteTableAssociation } from '@cdktf/provider-azurerm/lib/subnet-route-table-association';

export interface FirewallRouteTableProps {
  /** Route table name. */
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** The firewall's private IP: the next hop of 0.0.0.0/0. */
  readonly firewallPrivateIp: string;
  /**
   * The firewall's public IP, when the firewall is in this VNet: `<ip>/32 -> Internet`, so replies to traffic
   * DNAT-ed through the firewall leave the way they came (Microsoft's AKS egress tutorial). @default - no such route
   */
  readonly firewallPublicIp?: string;
  /** Subnets (by a stable key, part of the association's address) the table is associated with. */
  readonly subnets: Record<string, string>;
  /**
   * Routes learned over BGP (from the hub's gateways) may override these. Off keeps the default route on the
   * firewall. @default false
   */
  readonly bgpRoutePropagation?: boolean;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * A route table that sends the subnets' Internet-bound traffic to a firewall (`0.0.0.0/0 -> VirtualAppliance`), the
 * route `outboundType: userDefinedRouting` requires. Routes are `azurerm_route` resources.
 */
export class FirewallRouteTable extends Construct {
  readonly table: RouteTable;
  /** The associations: a cluster with user-defined routing must wait for them (AKS checks the route at creation). */
  readonly associations: SubnetRouteTableAssociation[] = [];

  constructor(scope: Construct, id: string, props: FirewallRouteTableProps) {
    super(scope, id);
    this.table = new RouteTable(this, 'table', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      bgpRoutePropagationEnabled: props.bgpRoutePropagation ?? false,
      tags: props.tags ?? {},
    });
    new Route(this, 'default-route', {
      name: 'default-to-firewall',
      resourceGroupName: props.resourceGroupName,
      routeTableName: this.table.name,
      addressPrefix: '0.0.0.0/0',
      nextHopType: 'VirtualAppliance',
      nextHopInIpAddress: props.firewallPrivateIp,
    });
    if (props.firewallPublicIp) {
      new Route(this, 'firewall-public-ip-route', {
        name: 'firewall-public-ip-to-internet',
        resourceGroupName: props.resourceGroupName,
        routeTableName: this.table.name,
        addressPrefix: `${props.firewallPublicIp}/32`,
        nextHopType: 'Internet',
      });
    }
    for (const [key, subnetId] of Object.entries(props.subnets)) {
      this.associations.push(new SubnetRouteTableAssociation(this, `association-${key}`, { subnetId, routeTableId: this.table.id }));
    }
  }
}
