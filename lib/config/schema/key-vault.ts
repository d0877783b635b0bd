import { z } from 'zod';
import { KEY_VAULT_AUTHORIZATIONS, KEY_VAULT_SKUS } from '../../enums';
import { azureResourceId, guid, ipv4OrCidr } from './common';
import { privateEndpointSchema } from './private-endpoint';

/** Key Vault for the Secrets Store CSI driver. */
export const keyVaultSchema = z.strictObject({
  name: z.string().optional().describe('Vault name, globally unique, 3-24 letters, digits and hyphens. Forces replacement. Default: kv-<project>-<environment>.'),
  existingId: azureResourceId
    .optional()
    .describe('Use this existing vault (resource ID, any subscription) instead of creating one; only grants are created on it. Default: none (a vault is created).'),
  authorization: z
    .enum(KEY_VAULT_AUTHORIZATIONS)
    .default('rbac')
    .describe('Data-plane authorization: rbac (role assignments: Key Vault Secrets User for secrets, Key Vault Certificate User for keys and certificates, per vault or per object) or accessPolicy (the AKS baseline\'s alternative: `get` on the object types read, vault-wide only). For an existingId vault, say which one it uses. Default: rbac.'),
  sku: z.enum(KEY_VAULT_SKUS).default('standard').describe('Pricing tier. Default: standard.'),
  purgeProtection: z.boolean().default(true).describe('Purge protection; once on it cannot be turned off. Default: true.'),
  softDeleteRetentionDays: z.number().int().min(7).max(90).default(90).describe('Days deleted objects are kept. Forces replacement. Default: 90.'),
  administratorGroupIds: z
    .array(guid)
    .default([])
    .describe('Entra ID groups that get Key Vault Administrator on the vault: who writes the secrets, keys and certificates the workloads read (RBAC vaults). They also need a network path: networkAcls.ipRules for their egress IPs, or the private endpoint. Default: none.'),
  publicNetworkAccess: z.boolean().default(true).describe('Public endpoint on, subject to networkAcls; false leaves private endpoints only. Default: true.'),
  networkAcls: z
    .strictObject({
      defaultAction: z.enum(['Allow', 'Deny']).default('Deny').describe('Traffic no rule allows. Default: Deny.'),
      bypass: z.enum(['AzureServices', 'None']).default('AzureServices').describe('Let trusted Azure services through. Default: AzureServices.'),
      ipRules: z.array(ipv4OrCidr).default([]).describe('Allowed public IPs or CIDRs (a pipeline agent, an office). Default: [].'),
      subnetIds: z.array(azureResourceId).default([]).describe('Further allowed subnets, each with the Microsoft.KeyVault service endpoint. Default: [].'),
      allowNodeSubnet: z
        .boolean()
        .default(true)
        .describe('Allow the cluster\'s node subnet, so the CSI driver (on the nodes\' host network) reaches the vault; the platform adds the Microsoft.KeyVault service endpoint to the subnet it creates (an existing node subnet needs it already). Without it, or a private endpoint, or ipRules for the egress IPs, mounts fail with "context deadline exceeded". Default: true.'),
    })
    .prefault({})
    .describe('Rules for the public endpoint.'),
  privateEndpoint: privateEndpointSchema
    .optional()
    .describe('A private endpoint for the vault (sub-resource vault, zone privatelink.vaultcore.azure.net). Default: none.'),
  logAnalyticsWorkspaceId: azureResourceId
    .optional()
    .describe('Log Analytics workspace for the vault\'s audit logs and metrics. Default: none (no diagnostic setting).'),
  preventDestroy: z.boolean().default(true).describe('Terraform prevent_destroy on the vault: a plan that deletes it fails. Default: true.'),
});

export type KeyVaultConfig = z.output<typeof keyVaultSchema>;
