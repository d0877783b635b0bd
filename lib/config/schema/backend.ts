import { z } from 'zod';
import { guid, pattern } from './common';

const local = z.strictObject({
  type: z.literal('local'),
  stateDir: z
    .string()
    .default('.')
    .describe('Folder for state files, relative to the project root (kept relative so output is portable). Default: the project root.'),
});

const azurerm = z.strictObject({
  type: z.literal('azurerm'),
  resourceGroupName: z.string().min(1).describe('Resource group of the state storage account.'),
  storageAccountName: pattern(/^[a-z0-9]{3,24}$/, '3-24 lowercase letters and digits').describe(
    'Storage account holding the state (create it once, outside this project).',
  ),
  containerName: z.string().min(3).default('tfstate').describe('Blob container. Default: tfstate.'),
  keyPrefix: z.string().default('').describe('Prefix of each stack state blob name (`<prefix><stack>.tfstate`). Default: none.'),
  useAzureadAuth: z.boolean().default(true).describe('Authenticate to the state account with Entra ID instead of an access key. Default: true.'),
});

const cloud = z.strictObject({
  type: z.literal('cloud'),
  organization: z.string().min(1).describe('Terraform Cloud / Enterprise organization.'),
  hostname: z.string().default('app.terraform.io').describe('Terraform Cloud or Enterprise host. Default: app.terraform.io.'),
  workspacePrefix: z
    .string()
    .default('')
    .describe('Each stack uses the workspace `<prefix><stack>` (for example `aks-prod-infra`). Default: none.'),
  project: z
    .string()
    .min(1)
    .default('Default Project')
    .describe('Terraform Cloud project of the workspaces; the `tfc` bootstrap stack creates it unless it is the organization\'s Default Project. Default: Default Project.'),
  executionMode: z
    .enum(['remote', 'agent', 'local'])
    .default('remote')
    .describe('Where the workspaces run Terraform (set by the `tfc` stack): remote, agent (with agentPoolId; needed for the platform stack unless the runner has kubelogin) or local. Default: remote.'),
  agentPoolId: z.string().min(1).optional().describe('Agent pool of the workspaces when executionMode is agent.'),
  terraformVersion: z
    .string()
    .min(1)
    .default('1.9.8')
    .describe('Terraform version (or constraint) of the workspaces the `tfc` stack creates. Default: 1.9.8.'),
  runClientId: guid
    .optional()
    .describe('Client ID of an existing Entra application that runs use through dynamic credentials (OIDC). Default: the `tfc` stack creates one application per environment with a federated credential per workspace and run phase.'),
});

/**
 * Terraform backend per environment. Credentials never go here: Terraform reads them from the environment
 * (`ARM_*` for azurerm, `TF_TOKEN_<host>` or `terraform login` for Terraform Cloud).
 */
export const backendSchema = z
  .discriminatedUnion('type', [local, azurerm, cloud])
  .describe('Where Terraform state lives: local (default), azurerm (a storage account) or cloud (Terraform Cloud).');

export type BackendConfig = z.output<typeof backendSchema>;
