import { z } from 'zod';
import { azureResourceId, ipv4, ipv4Cidr, pattern } from './common';

const ruleName = pattern(/^[a-zA-Z0-9]([-\w.]{0,78}\w)?$/, '1-80 letters, digits, underscores, periods and hyphens');

/** A user application rule (FQDN-based, HTTP/HTTPS). */
const applicationRuleSchema = z.strictObject({
  name: ruleName.describe('Rule name, unique in the collection.'),
  fqdns: z.array(z.string().regex(/^(\*\.)?[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*$/)).min(1).describe('Destination FQDNs (a leading *. is allowed).'),
  protocols: z.array(z.enum(['Https', 'Http'])).default(['Https']).describe('Default: [Https] (port 443; Http is port 80).'),
  sources: z.array(ipv4Cidr).optional().describe('Source CIDRs. Default: the node and pod subnets.'),
});

/** A user network rule (addresses, service tags or FQDNs with ports). */
const networkRuleSchema = z.strictObject({
  name: ruleName.describe('Rule name, unique in the collection.'),
  protocols: z.array(z.enum(['TCP', 'UDP', 'ICMP', 'Any'])).min(1).describe('Protocols.'),
  destinations: z.array(z.string().min(1)).min(1).describe('Destination CIDRs, IPs or service tags (AzureCloud.koreacentral, Storage, ...).'),
  ports: z.array(z.string().regex(/^(\*|\d{1,5}(-\d{1,5})?)$/)).min(1).describe('Destination ports or ranges.'),
  sources: z.array(ipv4Cidr).optional().describe('Source CIDRs. Default: the node and pod subnets.'),
});

/** An Azure Firewall this stack creates in the spoke (its subnet is the firewall-role subnet, AzureFirewallSubnet). */
export const firewallSchema = z.strictObject({
  sku: z.enum(['Standard', 'Premium']).default('Standard').describe('Firewall and policy tier; Premium adds IDPS and TLS inspection. Forces replacement. Default: Standard.'),
  zones: z.array(z.enum(['1', '2', '3'])).default(['1', '2', '3']).describe('Availability zones of the firewall and its public IP. Forces replacement. Default: 1, 2, 3.'),
  dnsProxy: z.boolean().default(true).describe('DNS proxy on the firewall (FQDNs in network rules need it; point network.vnet.dnsServers at the firewall to use it). Default: true.'),
  threatIntelMode: z.enum(['Alert', 'Deny', 'Off']).default('Deny').describe('Threat intelligence filtering. Default: Deny.'),
  idpsMode: z.enum(['Alert', 'Deny', 'Off']).default('Deny').describe('Intrusion detection and prevention (Premium only; Alert on Standard is refused). Default: Deny on Premium, nothing on Standard.'),
  applicationRules: z.array(applicationRuleSchema).default([]).describe('Application rules on top of the ones the cluster needs (derived from the configuration). Default: none.'),
  networkRules: z.array(networkRuleSchema).default([]).describe('Network rules on top of the ones the cluster needs. Default: none.'),
});

/** Egress: how nodes and pods reach the Internet and Azure services. */
export const egressSchema = z.strictObject({
  keyVault: z
    .enum(['privateEndpoint', 'serviceEndpoint', 'firewall'])
    .optional()
    .describe('How the nodes reach Key Vault under locked-down egress: a private endpoint, the subnet\'s service endpoint, or a firewall rule (AzureKeyVault service tag). Default: not stated (derived when this stack creates the firewall).'),
  entraId: z
    .enum(['firewall', 'proxy'])
    .optional()
    .describe('How pods and nodes reach Entra ID (login.microsoftonline.com, the workload identity token exchange) under locked-down egress. Default: not stated (firewall when this stack creates the firewall).'),
  firewallPrivateIp: ipv4
    .optional()
    .describe('Private IP of a firewall in the hub: the node subnets get a route table sending 0.0.0.0/0 there (VirtualAppliance). Default: none.'),
  firewall: firewallSchema
    .optional()
    .describe('Create an Azure Firewall in the spoke (needs a subnet with role firewall), with a policy whose rules are derived from the configuration, and route the node subnets through it. Default: none.'),
  routeWithLoadBalancer: z
    .boolean()
    .default(false)
    .describe('Accept a firewall route together with outboundType loadBalancer (some landing zones do exactly that: the load balancer\'s outbound rules and a 0.0.0.0/0 route side by side). Without it that combination is refused, never silently changed. Default: false.'),
});

/** Hub peering (both directions; the hub side only when the deployer may write to the hub). */
export const hubSchema = z.strictObject({
  virtualNetworkId: azureResourceId.describe('Resource ID of the hub VNet.'),
  allowForwardedTraffic: z.boolean().default(true).describe('Accept traffic the hub forwards (from the firewall, on-premises). Default: true.'),
  useRemoteGateways: z.boolean().default(false).describe('Use the hub\'s VPN or ExpressRoute gateway (the hub side must allow gateway transit). Default: false.'),
  createHubSide: z
    .boolean()
    .default(false)
    .describe('Also create the hub-to-spoke peering, in the hub\'s resource group (the deployer needs write access there). Default: false (the hub team creates it).'),
  hubAllowGatewayTransit: z.boolean().default(false).describe('Hub side: let the spoke use the hub\'s gateways. Default: false.'),
});

/** VNet flow logs with traffic analytics. */
export const flowLogsSchema = z.strictObject({
  enabled: z.boolean().default(true).describe('Flow logs on the spoke VNet (`azurerm_network_watcher_flow_log` on the VNet; NSG flow logs can no longer be created since 30 June 2025). Default: true when flowLogs is given.'),
  storageAccountId: azureResourceId.describe('Storage account the flow logs are written to (same region).'),
  retentionDays: z.int().min(0).max(365).default(90).describe('Days kept in the storage account (0 = forever). Default: 90.'),
  trafficAnalytics: z.boolean().default(true).describe('Traffic analytics into the platform\'s Log Analytics workspace. Default: true.'),
  intervalMinutes: z.union([z.literal(10), z.literal(60)]).default(10).describe('Traffic analytics processing interval. Default: 10.'),
  networkWatcherName: z.string().optional().describe('Network Watcher of the region. Default: NetworkWatcher_<location> (the one Azure creates).'),
  networkWatcherResourceGroup: z.string().default('NetworkWatcherRG').describe('Its resource group. Default: NetworkWatcherRG.'),
});
