import { z } from 'zod';
import { azureResourceId } from './common';
import { subnetName } from './subnets';

/**
 * A private endpoint for one resource (registry, vault, storage account, Azure Monitor workspace), with its DNS
 * zone group. Shared by every resource that can have one.
 */
export const privateEndpointSchema = z.strictObject({
  subnet: subnetName
    .optional()
    .describe('Name of a network.vnet.subnets entry to put the endpoint in. Default: the privateEndpoints subnet if there is one, else the node subnet.'),
  subnetId: azureResourceId.optional().describe('An existing subnet for the endpoint, by ID (instead of subnet). Default: none.'),
  privateDnsZoneId: azureResourceId
    .optional()
    .describe('An existing private DNS zone to register in (central DNS in the hub); the endpoint\'s DNS zone group points there and no zone is created. Default: network.privateDns.existingZoneIds, else a zone is created.'),
  virtualNetworkIds: z.array(azureResourceId).default([]).describe('Further VNets to link a created zone to, besides network.privateDns.linkTo. Default: [].'),
});

export type PrivateEndpointConfig = z.output<typeof privateEndpointSchema>;

/** Private DNS for every private endpoint of the environment. */
export const privateDnsSchema = z.strictObject({
  existingZoneIds: z
    .array(azureResourceId)
    .default([])
    .describe('Existing private DNS zones by ID (privatelink.azurecr.io, privatelink.vaultcore.azure.net, ...), matched to endpoints by zone name: central DNS in the hub. For those zones only endpoints and DNS zone groups are created. Default: none (zones are created).'),
  linkTo: z
    .array(z.enum(['spoke', 'hub']))
    .default(['spoke'])
    .describe('VNets the created zones are linked to: the spoke (the cluster\'s VNet), the hub (network.hub.virtualNetworkId), or both. Default: [spoke].'),
});
