import { z } from 'zod';
import { ACR_SKUS } from '../../enums';
import { azureResourceId } from './common';
import { privateEndpointSchema } from './private-endpoint';

/** Azure Container Registry attached to the cluster. */
export const acrSchema = z.strictObject({
  name: z.string().optional().describe('Registry name, globally unique, 5-50 letters and digits. Forces replacement. Default: acr<project><environment>.'),
  existingId: azureResourceId
    .optional()
    .describe('Attach this existing registry (resource ID; another subscription is fine) instead of creating one. Default: none (a registry is created).'),
  sku: z.enum(ACR_SKUS).default('Premium').describe('Registry tier; zone redundancy and retention need Premium. Default: Premium.'),
  zoneRedundancy: z.boolean().optional().describe('Zone-redundant registry (Premium only). Forces replacement. Default: true on Premium.'),
  retentionDays: z.number().int().min(0).max(365).optional().describe('Days untagged manifests are kept (Premium only). Default: 7 on Premium.'),
  publicNetworkAccess: z.boolean().default(true).describe('Public endpoint on; false needs acr.privateEndpoint for nodes to pull (refused without one). Default: true.'),
  privateEndpoint: privateEndpointSchema
    .optional()
    .describe('A private endpoint for the registry (sub-resource registry, with its data endpoints; zone privatelink.azurecr.io; Premium only). Default: none.'),
  attach: z
    .boolean()
    .default(true)
    .describe('AcrPull for the cluster\'s kubelet identity on the registry (`--attach-acr`); false removes that role assignment and nothing else (`--detach-acr`). Default: true.'),
});

export type AcrConfig = z.output<typeof acrSchema>;
