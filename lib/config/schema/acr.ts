import { z } from 'zod';
import { ACR_SKUS } from '../../enums';
import { azureResourceId } from './common';
import { privateEndpointSchema } from './private-endpoint';
import { acrDiagnosticsSchema, acrGeoReplicationSchema, acrNetworkRulesSchema, acrPushPrincipalSchema } from './registry';

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
  geoReplications: z
    .array(acrGeoReplicationSchema)
    .default([])
    .describe('Replicas in further regions, each with its own zone redundancy (Premium only; `az acr replication create`). Default: none.'),
  dataEndpoint: z
    .boolean()
    .default(false)
    .describe('Dedicated data endpoints `<name>.<region>.data.azurecr.io` per region, so firewalls allow the registry\'s own endpoints instead of *.blob.core.windows.net (Premium only; `data_endpoint_enabled`). Default: false.'),
  exportPolicy: z
    .boolean()
    .default(true)
    .describe('Artifacts may be exported (`az acr import` elsewhere, pipelines); false blocks data exfiltration and needs publicNetworkAccess false (Premium only; `export_policy_enabled`). Default: true (the Azure default).'),
  anonymousPull: z
    .boolean()
    .default(false)
    .describe('Anyone may pull without signing in (`anonymous_pull_enabled`; Standard and Premium). Turning it on is a visible weakening: baseline AKS-ACR-002. Default: false.'),
  quarantine: z
    .boolean()
    .default(false)
    .describe('Pushed images stay invisible until a scanner marks them (`quarantine_policy_enabled`, preview; Premium only). Default: false. (Docker Content Trust, `trust_policy_enabled`, is not offered: Azure refuses to enable it on registries since 31 May 2026 and removes it on 31 March 2028; sign with Notation instead.)'),
  networkRules: acrNetworkRulesSchema.prefault({}).describe('The registry firewall (Premium only).'),
  diagnostics: acrDiagnosticsSchema.prefault({}).describe('Diagnostic setting of a created registry: repository and login events and metrics to Log Analytics.'),
  pushPrincipals: z
    .array(acrPushPrincipalSchema)
    .default([])
    .describe('Principals granted AcrPush on the registry (created or existing), e.g. a CI pipeline\'s identity. Default: none.'),
  attach: z
    .boolean()
    .default(true)
    .describe('AcrPull for the cluster\'s kubelet identity on the registry (`--attach-acr`); false removes that role assignment and nothing else (`--detach-acr`). Default: true.'),
});

export type AcrConfig = z.output<typeof acrSchema>;
