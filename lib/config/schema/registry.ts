/**
 * The container registry's fuller settings (geo-replication, network rules, diagnostics, push grants): referenced
 * from `acr.ts`, which holds the registry's top-level fields.
 */
import { z } from 'zod';
import { ACR_DIAGNOSTIC_CATEGORIES, ACR_NETWORK_BYPASS, PRINCIPAL_TYPES } from '../../enums';
import { azureResourceId, guid, ipv4Cidr, pattern, tags } from './common';

const region = pattern(/^[a-z][a-z0-9]+$/, 'an Azure region name such as japaneast');

/** One geo-replica (`az acr replication create`): `georeplications` block. */
export const acrGeoReplicationSchema = z.strictObject({
  location: region.describe('Region of the replica; never the registry\'s own region. Required.'),
  zoneRedundancy: z.boolean().default(true).describe('Zone-redundant replica (`zone_redundancy_enabled`). Forces replacement of the replica. Default: true.'),
  regionalEndpoint: z
    .boolean()
    .default(false)
    .describe('Regional endpoint `<name>.<region>.geo.azurecr.io` to pull from this replica explicitly (`regional_endpoint_enabled`). Default: false.'),
  tags: tags.default({}).describe('Tags of the replica, after the environment\'s tags. Default: none.'),
});

/** The registry firewall (`network_rule_set`, `network_rule_bypass_option`); Premium only. */
export const acrNetworkRulesSchema = z.strictObject({
  defaultAction: z
    .enum(['Allow', 'Deny'])
    .default('Allow')
    .describe('What happens to addresses not in ipRules (`network_rule_set.default_action`). Deny needs ipRules (the nodes\' egress IPs) or a private endpoint with publicNetworkAccess false. Default: Allow (no rule set is emitted).'),
  ipRules: z.array(ipv4Cidr).default([]).describe('Addresses let through the registry firewall (`ip_rule`), e.g. the cluster\'s egress IPs and build agents. Default: none.'),
  bypass: z
    .enum(ACR_NETWORK_BYPASS)
    .default('AzureServices')
    .describe('Trusted Azure services (Defender scanning, ACR Tasks, AKS artifact streaming) pass the firewall (`network_rule_bypass_option`). Default: AzureServices.'),
});

/** The registry's diagnostic setting, to the platform's Log Analytics workspace. */
export const acrDiagnosticsSchema = z.strictObject({
  enabled: z.boolean().default(true).describe('Send the registry\'s logs and metrics to Log Analytics. Default: true.'),
  categories: z
    .array(z.enum(ACR_DIAGNOSTIC_CATEGORIES))
    .default([...ACR_DIAGNOSTIC_CATEGORIES])
    .describe('Log categories: repository events (push, pull, delete) and login events. Default: both.'),
  metrics: z.boolean().default(true).describe('Also send AllMetrics. Default: true.'),
  workspaceId: azureResourceId
    .optional()
    .describe('Log Analytics workspace for the registry\'s logs. Default: the platform\'s workspace (cluster.monitoring).'),
});

/** A principal that pushes images (a pipeline identity), granted AcrPush on the registry. */
export const acrPushPrincipalSchema = z.strictObject({
  name: pattern(/^[a-z][a-z0-9-]{0,39}$/, '1-40 lowercase letters, digits and hyphens, starting with a letter').describe(
    'A stable name for the grant (part of its Terraform address; renaming replaces the assignment). Required.',
  ),
  principalId: guid.describe('Entra ID object ID of the identity, service principal, user or group. Required.'),
  type: z.enum(PRINCIPAL_TYPES).default('ServicePrincipal').describe('Principal type (`principal_type`). Default: ServicePrincipal.'),
});

export type AcrGeoReplicationConfig = z.output<typeof acrGeoReplicationSchema>;
export type AcrPushPrincipalConfig = z.output<typeof acrPushPrincipalSchema>;
