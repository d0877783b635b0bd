/**
 * Azure facts about a landing-zone spoke network, shared by the configuration checks and the constructs: subnet
 * roles (their minimum sizes, required names and delegations), the network security rules each role needs, and the
 * private DNS zone of each private-link sub-resource. Sources are named next to each fact.
 */

/** What a subnet is for. Each role carries its own Azure requirements (see SUBNET_ROLE_FACTS). */
export const SUBNET_ROLES = [
  'nodes',
  'pods',
  'internalLoadBalancer',
  'applicationGateway',
  'privateEndpoints',
  'apiServer',
  'applicationGatewayForContainers',
  'bastion',
  'jumpbox',
  'firewall',
] as const;
export type SubnetRole = (typeof SUBNET_ROLES)[number];

/** What Azure requires of a subnet of one role. */
export interface SubnetRoleFacts {
  /** Largest prefix length Azure accepts (a /28 is 28): the smallest subnet. */
  readonly maxPrefix: number;
  /** Where the minimum comes from. */
  readonly source: string;
  /** The name Azure requires, when it requires one. */
  readonly requiredName?: string;
  /** The service delegation the subnet must carry. */
  readonly delegation?: string;
  /** Azure refuses a network security group on this subnet. */
  readonly noNsg?: boolean;
  /** Egress from this subnet follows the default route to the firewall (0.0.0.0/0 -> VirtualAppliance). */
  readonly routesToFirewall: boolean;
  /** The AKS control-plane identity writes to this subnet (joins NICs, load balancers, the API server VIP). */
  readonly clusterWrites: boolean;
}

const AZURE_MIN = 'Azure: the smallest subnet is a /29 (five addresses are reserved in every subnet)';

/** Azure's requirements per role. */
export const SUBNET_ROLE_FACTS: Record<SubnetRole, SubnetRoleFacts> = {
  nodes: { maxPrefix: 29, source: AZURE_MIN, routesToFirewall: true, clusterWrites: true },
  pods: { maxPrefix: 29, source: AZURE_MIN, routesToFirewall: true, clusterWrites: true },
  internalLoadBalancer: { maxPrefix: 29, source: AZURE_MIN, routesToFirewall: false, clusterWrites: true },
  applicationGateway: {
    maxPrefix: 26,
    source: 'learn.microsoft.com/azure/application-gateway/configuration-infrastructure: v2 needs at least a /26 (a /24 is recommended)',
    routesToFirewall: false,
    clusterWrites: false,
  },
  privateEndpoints: { maxPrefix: 29, source: AZURE_MIN, routesToFirewall: false, clusterWrites: false },
  apiServer: {
    maxPrefix: 28,
    source: 'learn.microsoft.com/azure/aks/api-server-vnet-integration: a delegated subnet of at least /28',
    delegation: 'Microsoft.ContainerService/managedClusters',
    routesToFirewall: false,
    clusterWrites: true,
  },
  applicationGatewayForContainers: {
    maxPrefix: 24,
    source: 'learn.microsoft.com/azure/application-gateway/for-containers: the association subnet needs at least 250 addresses (/24)',
    delegation: 'Microsoft.ServiceNetworking/trafficControllers',
    routesToFirewall: false,
    clusterWrites: false,
  },
  bastion: {
    maxPrefix: 26,
    source: 'learn.microsoft.com/azure/bastion/configuration-settings: AzureBastionSubnet, /26 or larger',
    requiredName: 'AzureBastionSubnet',
    routesToFirewall: false,
    clusterWrites: false,
  },
  jumpbox: { maxPrefix: 29, source: AZURE_MIN, routesToFirewall: true, clusterWrites: false },
  firewall: {
    maxPrefix: 26,
    source: 'learn.microsoft.com/azure/firewall/firewall-faq: AzureFirewallSubnet, /26, no network security group',
    requiredName: 'AzureFirewallSubnet',
    noNsg: true,
    routesToFirewall: false,
    clusterWrites: false,
  },
};

/** The subnet join action a service delegation carries (what Azure adds itself; set here so plans show no drift). */
export const SUBNET_JOIN_ACTION = 'Microsoft.Network/virtualNetworks/subnets/join/action';

/** One network security rule (`azurerm_network_security_group.security_rule`). */
export interface NsgRule {
  readonly name: string;
  /** 100-4096; lower wins. */
  readonly priority: number;
  readonly direction: 'Inbound' | 'Outbound';
  readonly access: 'Allow' | 'Deny';
  readonly protocol: 'Tcp' | 'Udp' | 'Icmp' | '*';
  /** A CIDR, a service tag (`VirtualNetwork`, `GatewayManager`, ...) or `*`. */
  readonly sourceAddressPrefix: string;
  readonly destinationAddressPrefix: string;
  /** Ports or ranges (`443`, `65200-65535`) or `*`. */
  readonly destinationPortRanges: string[];
}

/** Priorities the platform's own rules use; user rules take 200-3999. */
export const USER_RULE_PRIORITIES = { min: 200, max: 3999 } as const;

const rule = (
  name: string,
  priority: number,
  direction: NsgRule['direction'],
  access: NsgRule['access'],
  protocol: NsgRule['protocol'],
  from: string,
  to: string,
  ports: string[],
): NsgRule => ({ name, priority, direction, access, protocol, sourceAddressPrefix: from, destinationAddressPrefix: to, destinationPortRanges: ports });

/**
 * The rules each role needs on top of Azure's default rules (which allow the VNet and the load balancer in, and
 * deny the Internet in).
 */
export const ROLE_NSG_RULES: Partial<Record<SubnetRole, readonly NsgRule[]>> = {
  // learn.microsoft.com/azure/application-gateway/configuration-infrastructure#network-security-groups: v2 needs
  // GatewayManager on 65200-65535 and the load balancer probe; the listener port from clients.
  applicationGateway: [
    rule('AllowGatewayManager', 100, 'Inbound', 'Allow', 'Tcp', 'GatewayManager', '*', ['65200-65535']),
    rule('AllowAzureLoadBalancer', 110, 'Inbound', 'Allow', '*', 'AzureLoadBalancer', '*', ['*']),
    rule('AllowHttpsInbound', 120, 'Inbound', 'Allow', 'Tcp', 'Internet', '*', ['443']),
  ],
  // Private endpoints answer on 443 (registry, vault, blob, monitor): from the VNet only, nothing else.
  privateEndpoints: [
    rule('AllowVnetHttpsInbound', 100, 'Inbound', 'Allow', 'Tcp', 'VirtualNetwork', 'VirtualNetwork', ['443']),
    rule('DenyAllInbound', 4096, 'Inbound', 'Deny', '*', '*', '*', ['*']),
  ],
  // learn.microsoft.com/azure/bastion/bastion-nsg: the documented inbound and outbound set.
  bastion: [
    rule('AllowHttpsInbound', 120, 'Inbound', 'Allow', 'Tcp', 'Internet', '*', ['443']),
    rule('AllowGatewayManagerInbound', 130, 'Inbound', 'Allow', 'Tcp', 'GatewayManager', '*', ['443']),
    rule('AllowAzureLoadBalancerInbound', 140, 'Inbound', 'Allow', 'Tcp', 'AzureLoadBalancer', '*', ['443']),
    rule('AllowBastionHostCommunication', 150, 'Inbound', 'Allow', '*', 'VirtualNetwork', 'VirtualNetwork', ['8080', '5701']),
    rule('AllowSshRdpOutbound', 100, 'Outbound', 'Allow', '*', '*', 'VirtualNetwork', ['22', '3389']),
    rule('AllowAzureCloudOutbound', 110, 'Outbound', 'Allow', 'Tcp', '*', 'AzureCloud', ['443']),
    rule('AllowBastionCommunication', 120, 'Outbound', 'Allow', '*', 'VirtualNetwork', 'VirtualNetwork', ['8080', '5701']),
    rule('AllowHttpOutbound', 130, 'Outbound', 'Allow', '*', '*', 'Internet', ['80']),
  ],
};

/** Private-link sub-resources this platform creates endpoints for, and the zone each resolves through. */
export const PRIVATE_LINK_SUBRESOURCES = ['registry', 'vault', 'blob', 'prometheusMetrics'] as const;
export type PrivateLinkSubresource = (typeof PRIVATE_LINK_SUBRESOURCES)[number];

/**
 * The private DNS zone of a sub-resource in the Azure public cloud
 * (learn.microsoft.com/azure/private-link/private-endpoint-dns). A registry's data endpoints
 * (`<name>.<region>.data.azurecr.io`) register in the same zone as its login server.
 */
export function privateDnsZoneName(subresource: PrivateLinkSubresource | 'apiServer' | string, region: string): string {
  switch (subresource) {
    case 'registry':
      return 'privatelink.azurecr.io';
    case 'vault':
      return 'privatelink.vaultcore.azure.net';
    case 'blob':
      return 'privatelink.blob.core.windows.net';
    case 'prometheusMetrics':
      return `privatelink.${region}.prometheus.monitor.azure.com`;
    case 'apiServer':
      return `privatelink.${region}.azmk8s.io`;
    default:
      throw new Error(`privateDnsZoneName: unknown sub-resource ${JSON.stringify(subresource)} (allowed: ${PRIVATE_LINK_SUBRESOURCES.join(', ')}, apiServer)`);
  }
}

/** The zone name of a private DNS zone resource ID (its last segment), lower-cased. */
export function zoneNameOfId(id: string): string {
  return id.split('/').pop()!.toLowerCase();
}

/** The parts of a resource ID: subscription, resource group, name. */
export function parseResourceId(id: string): { subscriptionId: string; resourceGroupName: string; name: string } {
  const parts = id.split('/');
  return { subscriptionId: parts[2], resourceGroupName: parts[4], name: parts[parts.length - 1] };
}
