import { z } from 'zod';
import { NETWORK_PLUGINS, NETWORK_PLUGIN_MODES, NETWORK_POLICIES, OUTBOUND_TYPES } from '../../enums';
import { azureResourceId, ipv4, ipv4Cidr } from './common';

/** A VNet the platform creates. */
const vnetSchema = z.strictObject({
  name: z.string().optional().describe('VNet name. Forces replacement. Default: vnet-<cluster>.'),
  nodeSubnetName: z.string().min(1).max(80).default('snet-nodes').describe('Name of the node subnet. Forces replacement. Default: snet-nodes.'),
  addressSpace: ipv4Cidr.default('10.224.0.0/12').describe('VNet address space (`--vnet-subnet-id` comes from here). Default: 10.224.0.0/12.'),
  nodeSubnet: ipv4Cidr.default('10.224.0.0/16').describe('Subnet for the nodes, inside the address space. Forces replacement. Default: 10.224.0.0/16.'),
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
  egress: z
    .strictObject({
      keyVault: z
        .enum(['privateEndpoint', 'serviceEndpoint', 'firewall'])
        .optional()
        .describe('How the nodes reach Key Vault under locked-down egress: a private endpoint, the subnet\'s service endpoint, or a firewall rule (AzureKeyVault service tag). Default: not stated.'),
      entraId: z
        .enum(['firewall', 'proxy'])
        .optional()
        .describe('How pods and nodes reach Entra ID (login.microsoftonline.com, the workload identity token exchange) under locked-down egress. Default: not stated.'),
    })
    .prefault({})
    .describe('With outboundType userDefinedRouting or userAssignedNATGateway (traffic through a firewall), state how Key Vault and Entra ID are reached; the baseline fails an environment that does not (the CSI driver cannot mount otherwise). Emitted as the infra output egress_paths.'),
  podCidr: ipv4Cidr.optional().describe('Pod CIDR for overlay (`--pod-cidr`); the example file sets the seed\'s 192.168.0.0/16. Forces replacement. Default: AKS\'s (10.244.0.0/16), not written to the output.'),
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
