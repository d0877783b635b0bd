import { z } from 'zod';
import { NETWORK_PLUGINS, NETWORK_PLUGIN_MODES, NETWORK_POLICIES, OUTBOUND_TYPES } from '../../enums';
import { azureResourceId, ipv4, ipv4Cidr } from './common';
import { egressSchema, flowLogsSchema, hubSchema } from './firewall';
import { privateDnsSchema } from './private-endpoint';
import { subnetName, subnetSchema } from './subnets';

/** A VNet the platform creates. */
const vnetSchema = z.strictObject({
  name: z.string().optional().describe('VNet name. Forces replacement. Default: vnet-<cluster>.'),
  nodeSubnetName: z.string().min(1).max(80).default('snet-nodes').describe('Name of the node subnet. Forces replacement. Default: snet-nodes.'),
  addressSpace: ipv4Cidr.default('10.224.0.0/12').describe('VNet address space (`--vnet-subnet-id` comes from here). Default: 10.224.0.0/12.'),
  nodeSubnet: ipv4Cidr.default('10.224.0.0/16').describe('Subnet for the nodes, inside the address space. Forces replacement. Default: 10.224.0.0/16.'),
  existingId: azureResourceId
    .optional()
    .describe('Bring your own VNet: create the subnets in this existing VNet (resource ID) instead of creating one; its address space is not managed here. Default: create a VNet.'),
  dnsServers: z.array(ipv4).default([]).describe('Custom DNS servers of the VNet the platform creates (a firewall DNS proxy or a DNS resolver inbound IP). Default: Azure-provided DNS.'),
  subnets: z
    .record(subnetName, subnetSchema)
    .default({})
    .describe('Role subnets by name (docs/networking.md). An entry named like nodeSubnetName with role nodes replaces the node subnet\'s settings (its cidr wins over nodeSubnet). Default: none (just the node subnet).'),
});

/**
 * Cluster networking. Replacement-forcing: plugin, pluginMode, podCidr, serviceCidr, dnsServiceIp and the node
 * subnet cannot change on an existing cluster (Terraform destroys and recreates it).
 */
export const networkSchema = z.strictObject({
  plugin: z.enum(NETWORK_PLUGINS).default('azure').describe('Network plugin. Forces replacement. Default: azure (Azure CNI).'),
  pluginMode: z
    .enum(NETWORK_PLUGIN_MODES)
    .default('overlay')
    .describe('`overlay` = Azure CNI Overlay (pods get IPs from podCidr, not the VNet). Forces replacement. Default: overlay.'),
  policy: z
    .enum(NETWORK_POLICIES)
    .default('azure')
    .describe('Network policy engine (`--network-policy`); cilium also selects the cilium data plane (`--network-dataplane cilium`). Changing an engine that is set forces replacement. Default: azure.'),
  outboundType: z.enum(OUTBOUND_TYPES).default('loadBalancer').describe('Egress path (`--outbound-type`). The load balancer is always the standard SKU (`--load-balancer-sku standard`). Default: loadBalancer.'),
  egress: egressSchema
    .prefault({})
    .describe('Egress: a hub firewall (firewallPrivateIp) or one this stack creates (firewall), and with outboundType userDefinedRouting or userAssignedNATGateway, how Key Vault and Entra ID are reached (the baseline fails an environment that does not say; the CSI driver cannot mount otherwise). Emitted as the infra output egress_paths.'),
  hub: hubSchema.optional().describe('Peer the spoke VNet with a hub. Default: no peering.'),
  privateDns: privateDnsSchema.prefault({}).describe('Private DNS zones of the private endpoints: created (linked to the spoke, the hub or both) or central ones by ID.'),
  flowLogs: flowLogsSchema.optional().describe('VNet flow logs with traffic analytics. Default: none.'),
  podCidr: ipv4Cidr.optional().describe('Pod CIDR for overlay (`--pod-cidr`); the example file sets the AKS baseline\'s 192.168.0.0/16. Forces replacement. Default: AKS\'s (10.244.0.0/16), not written to the output.'),
  advancedNetworking: z
    .strictObject({
      observability: z.boolean().default(false).describe('Network observability: flow metrics and logs (`observability_enabled`). Default: false.'),
      security: z.boolean().default(false).describe('FQDN filtering and layer-7 policies (`security_enabled`); needs policy cilium. Default: false.'),
    })
    .optional()
    .describe('Advanced Container Networking Services (`network_profile.advanced_networking`, `--enable-acns`); billed per node. Default: off.'),
  serviceCidr: ipv4Cidr.default('10.0.0.0/16').describe('Kubernetes service CIDR. Forces replacement. Default: 10.0.0.0/16.'),
  dnsServiceIp: ipv4.default('10.0.0.10').describe('Cluster DNS service IP, inside serviceCidr. Forces replacement. Default: 10.0.0.10.'),
  vnet: vnetSchema.prefault({}).describe('The VNet the platform creates (ignored when existingNodeSubnetId is set).'),
  existingNodeSubnetId: azureResourceId
    .optional()
    .describe('Use this existing subnet for the nodes instead of creating a VNet. Forces replacement. Default: create a VNet.'),
});

export type NetworkConfig = z.output<typeof networkSchema>;
