import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { Subnet, type SubnetConfig, type SubnetDelegation } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork as AzVirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';

const CIDR = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(3[0-2]|[12]?\d)$/;

export interface VirtualNetworkProps {
  /** VNet name. Forces replacement. */
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** Address space (one or more CIDRs). Removing a range in use fails at apply. */
  readonly addressSpace: string[];
  /** Custom DNS servers (a firewall DNS proxy, a resolver's inbound IP). @default - Azure-provided DNS */
  readonly dnsServers?: string[];
  /** Tags. @default {} */
  readonly tags?: Record<string, string>;
}

export interface SubnetOptions {
  /** Subnet name. Forces replacement of the subnet. */
  readonly name: string;
  /** The subnet's range, inside the VNet address space. Forces replacement of the subnet. */
  readonly addressPrefix: string;
  /**
   * Service delegation, e.g. `{ name: 'alb', serviceDelegation: { name: 'Microsoft.ServiceNetworking/trafficControllers' } }`
   * for Application Gateway for Containers. @default - none
   */
  readonly delegation?: SubnetDelegation;
  /** Service endpoints, e.g. ['Microsoft.KeyVault']. @default [] */
  readonly serviceEndpoints?: string[];
  /** Private endpoint network policies (`Disabled`, `Enabled`, ...). @default - the Azure default */
  readonly privateEndpointNetworkPolicies?: string;
  /** Private link service network policies. @default - the Azure default (true) */
  readonly privateLinkServiceNetworkPoliciesEnabled?: boolean;
  /** Implicit default outbound access for VMs in the subnet (`default_outbound_access_enabled`). @default - the provider default (true) */
  readonly defaultOutboundAccessEnabled?: boolean;
}

/**
 * A virtual network for the cluster. The node subnet comes from `addSubnet`; other features (an Application Gateway
 * for Containers subnet, private endpoints) add their own subnets the same way.
 */
export class VirtualNetwork extends Construct {
  /** The `azurerm_virtual_network` resource. */
  readonly resource: AzVirtualNetwork;
  readonly resourceGroupName: string;
  private readonly subnets = new Map<string, Subnet>();

  constructor(scope: Construct, id: string, props: VirtualNetworkProps) {
    super(scope, id);
    if (props.addressSpace.length === 0) throw new Error(`VirtualNetwork ${props.name}: addressSpace is empty; allowed: one or more CIDRs`);
    for (const c of props.addressSpace) {
      if (!Token.isUnresolved(c) && !CIDR.test(c)) throw new Error(`VirtualNetwork ${props.name}: invalid addressSpace entry ${JSON.stringify(c)}; allowed: an IPv4 CIDR such as 10.224.0.0/16`);
    }
    this.resourceGroupName = props.resourceGroupName;
    this.resource = new AzVirtualNetwork(this, 'vnet', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      addressSpace: props.addressSpace,
      dnsServers: props.dnsServers?.length ? props.dnsServers : undefined,
      tags: props.tags ?? {},
    });
  }

  /**
   * Adds a subnet (construct ID `subnet-<name>`, part of its Terraform address) and returns it. Names are unique
   * within the VNet.
   */
  addSubnet(options: SubnetOptions): Subnet {
    if (this.subnets.has(options.name)) throw new Error(`VirtualNetwork: subnet ${JSON.stringify(options.name)} already exists; allowed: a new name`);
    if (!Token.isUnresolved(options.addressPrefix) && !CIDR.test(options.addressPrefix)) {
      throw new Error(`VirtualNetwork: invalid addressPrefix ${JSON.stringify(options.addressPrefix)} for subnet ${options.name}; allowed: an IPv4 CIDR`);
    }
    const subnet = new Subnet(this, `subnet-${options.name}`, subnetConfig(options, this.resourceGroupName, this.resource.name));
    this.subnets.set(options.name, subnet);
    return subnet;
  }

  /** A subnet added earlier, by name. */
  subnet(name: string): Subnet | undefined {
    return this.subnets.get(name);
  }

  /** VNet resource ID. */
  get id(): string {
    return this.resource.id;
  }

  /** VNet name. */
  get name(): string {
    return this.resource.name;
  }
}

/** The `azurerm_subnet` attributes of a subnet in the named VNet: one mapping for a VNet created here or an existing one. */
export function subnetConfig(options: SubnetOptions, resourceGroupName: string, virtualNetworkName: string): SubnetConfig {
  return {
    name: options.name,
    resourceGroupName,
    virtualNetworkName,
    addressPrefixes: [options.addressPrefix],
    delegation: options.delegation ? [options.delegation] : undefined,
    serviceEndpoints: options.serviceEndpoints,
    privateEndpointNetworkPolicies: options.privateEndpointNetworkPolicies,
    privateLinkServiceNetworkPoliciesEnabled: options.privateLinkServiceNetworkPoliciesEnabled,
    defaultOutboundAccessEnabled: options.defaultOutboundAccessEnabled,
  };
}
