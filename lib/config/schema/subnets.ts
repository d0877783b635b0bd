import { z } from 'zod';
import { SUBNET_ROLES } from '../../azure/network-roles';
import { azureResourceId, ipv4Cidr, pattern } from './common';

/** A subnet name Azure accepts: 1-80 letters, digits, underscores, periods and hyphens. */
export const subnetName = pattern(
  /^[a-zA-Z0-9]([-\w.]{0,78}\w)?$/,
  '1-80 letters, digits, underscores, periods and hyphens, starting with a letter or digit, ending with a letter, digit or underscore',
);

/** A network security rule the user adds on top of a role's own rules. */
export const nsgRuleSchema = z.strictObject({
  name: pattern(/^[a-zA-Z0-9]([-\w.]{0,78}\w)?$/, '1-80 letters, digits, underscores, periods and hyphens').describe('Rule name, unique in the group.'),
  priority: z.int().min(200).max(3999).describe('200-3999 (the platform\'s own rules use 100-199 and 4000-4096); lower wins.'),
  direction: z.enum(['Inbound', 'Outbound']).default('Inbound').describe('Default: Inbound.'),
  access: z.enum(['Allow', 'Deny']).default('Allow').describe('Default: Allow.'),
  protocol: z.enum(['Tcp', 'Udp', 'Icmp', '*']).default('Tcp').describe('Default: Tcp.'),
  source: z.string().min(1).default('*').describe('Source CIDR, service tag (VirtualNetwork, Internet, ...) or *. Default: *.'),
  destination: z.string().min(1).default('*').describe('Destination CIDR, service tag or *. Default: *.'),
  ports: z.array(z.string().regex(/^(\*|\d{1,5}(-\d{1,5})?)$/)).min(1).describe('Destination ports or ranges (443, 8000-8080) or *.'),
});

/** One subnet of the spoke, by role. */
export const subnetSchema = z.strictObject({
  role: z
    .enum(SUBNET_ROLES)
    .describe('What the subnet is for: nodes (a node pool; nodePools.<name>.subnet picks one), pods (classic Azure CNI pod subnet), internalLoadBalancer, applicationGateway, privateEndpoints, apiServer (API server VNet integration, delegated to Microsoft.ContainerService/managedClusters), applicationGatewayForContainers (delegated to Microsoft.ServiceNetworking/trafficControllers), bastion (named AzureBastionSubnet), jumpbox, firewall (named AzureFirewallSubnet). Minimum sizes per role: docs/networking.md.'),
  cidr: ipv4Cidr.optional().describe('Address range, inside the VNet, overlapping no other subnet. Forces replacement of the subnet. Required unless existingId is set.'),
  existingId: azureResourceId.optional().describe('Use this existing subnet (bring your own) instead of creating one; nothing is created or changed on it. Default: none.'),
  defaultOutboundAccess: z
    .boolean()
    .default(false)
    .describe('Azure\'s implicit default outbound access for VMs without another egress path (`default_outbound_access_enabled`). Default: false (egress goes through the load balancer, NAT gateway or firewall).'),
  privateEndpointNetworkPolicies: z
    .enum(['Disabled', 'Enabled', 'NetworkSecurityGroupEnabled', 'RouteTableEnabled'])
    .optional()
    .describe('Whether network security groups and route tables apply to private endpoints in the subnet. Default: Enabled for the privateEndpoints role (its NSG then applies), Azure\'s Disabled otherwise.'),
  privateLinkServiceNetworkPolicies: z.boolean().optional().describe('Network policies for private link services in the subnet. Default: Azure\'s default (true).'),
  serviceEndpoints: z.array(z.string().regex(/^Microsoft\.[A-Za-z.]+$/)).default([]).describe('Service endpoints, e.g. Microsoft.Storage. Default: none (the node subnet also gets the ones its vault and backup firewalls need).'),
  nsg: z
    .strictObject({
      enabled: z.boolean().default(true).describe('A network security group on the subnet (never on the firewall subnet: Azure refuses it). Default: true.'),
      rules: z.array(nsgRuleSchema).default([]).describe('Rules on top of the role\'s own (Application Gateway v2: GatewayManager 65200-65535 and 443 in; private endpoints: 443 from the VNet, deny the rest; Bastion: the documented set). Default: none.'),
    })
    .prefault({})
    .describe('The subnet\'s network security group.'),
  routeToFirewall: z
    .boolean()
    .optional()
    .describe('Associate the route table that sends 0.0.0.0/0 to the firewall. Default: true for nodes, pods and jumpbox subnets when network.egress has a firewall, false otherwise.'),
});

export type SubnetConfig = z.output<typeof subnetSchema>;
