/**
 * The configuration schema: the one source of truth for platform.yaml. The TypeScript types, the defaults and the
 * editor JSON Schema (platform.schema.json) all derive from it. Each area of the platform has its own file here.
 */
import { z } from 'zod';
import { accessSchema, teamsSchema } from './access';
import { PRESETS } from '../../enums';
import { backendSchema } from './backend';
import { baselineSchema } from './baseline';
import { clusterSchema } from './cluster';
import { guid, pattern, tags } from './common';
import { networkSchema } from './network';
import { nodePoolDefaultsSchema, nodePoolSchema } from './node-pools';
import { acrSchema } from './acr';
import { addonsSchema, ingressSchema } from './addons';
import { backupSchema } from '../../addons/velero/settings';
import { keyVaultSchema } from './key-vault';
import { namespacesSchema } from './namespaces';
import { platformSchema } from './services';
import { workloadsSchema } from './workloads';
import { protectionSchema } from './protection';
import { observabilitySchema } from './observability';
import { gitopsSchema } from './gitops';

export const nodePoolName = pattern(
  /^[a-z][a-z0-9]{0,11}$/,
  '1-12 lowercase letters and digits, starting with a letter (6 at most for Windows pools)',
);

/** One environment, after its preset and the shared `defaults` are merged under it. */
/** The node pools every environment starts from; an environment's `nodePools` merge over them by name. */
export const DEFAULT_NODE_POOLS = { system: { kind: 'system' as const }, apps: { kind: 'user' as const } };

export const environmentSchema = z.strictObject({
  preset: z
    .enum(PRESETS)
    .default('production')
    .describe('Baseline preset: production (the security baseline) or development (cheaper, weaker, warns instead of failing). Default: production.'),
  location: pattern(/^[a-z][a-z0-9]+$/, 'an Azure region name such as koreacentral')
    .default('koreacentral')
    .describe('Azure region. Forces replacement of everything. Default: koreacentral.'),
  subscriptionId: guid.describe('Subscription to deploy into. Required (the example uses the all-zero placeholder).'),
  tenantId: guid.describe('Entra ID tenant. Required (the example uses the all-zero placeholder).'),
  tags: tags.default({}).describe('Tags added to every taggable resource, after environment and owner.'),
  resourceGroupName: z.string().optional().describe('Resource group for the platform. Default: rg-<project>-<environment>.'),
  existingResourceGroup: z
    .boolean()
    .default(false)
    .describe('The resource group (resourceGroupName) already exists, made by the landing zone: it is read, not created (no azurerm_resource_group). Default: false (it is created).'),
  backend: backendSchema.prefault({ type: 'local' }),
  network: networkSchema.prefault({}).describe('Cluster networking: Azure CNI Overlay, network policy, address ranges, VNet.'),
  cluster: clusterSchema.prefault({}).describe('The AKS cluster itself.'),
  nodePools: z
    .record(nodePoolName, nodePoolSchema)
    .default(DEFAULT_NODE_POOLS)
    .describe('Node pools by name; exactly one of kind system (the cluster default pool). Pools merge by name over the default pools and `defaults.nodePools` (a new name adds a pool, a known name changes its settings); set a pool to null to drop it (e.g. `apps: null`, or `system: null` with a system pool of another name). Renaming the system pool forces replacement of the cluster; renaming another pool replaces that pool. Default: system + apps (user).'),
  nodePoolDefaults: nodePoolDefaultsSchema.default({}).describe('Defaults per pool kind for this environment, under each pool\'s own settings.'),
  keyVault: keyVaultSchema.prefault({}).describe('Key Vault for the Secrets Store CSI driver.'),
  acr: acrSchema.prefault({}).describe('Azure Container Registry attached to the cluster.'),
  workloads: workloadsSchema,
  backup: backupSchema.prefault({}).describe('Velero: backup storage account, identity, release and schedules.'),
  platform: platformSchema.prefault({}).describe('How the platform stack reaches the cluster.'),
  ingress: ingressSchema.prefault({}).describe('The ingress controller: ingress-nginx, Application Gateway for Containers or AGIC.'),
  addons: addonsSchema.prefault({}).describe('In-cluster add-ons (Helm releases) besides ingress and Velero.'),
  namespaces: namespacesSchema,
  gitops: gitopsSchema.prefault({}).describe('Flux configurations and other cluster extensions (docs/gitops.md).'),
  protection: protectionSchema.prefault({}).describe('Terraform prevent_destroy on the resources that hold data, each with an opt-out for a deliberate teardown (docs/safety.md).'),
  observability: observabilitySchema.prefault({}).describe('Container Insights collection, Prometheus recording rules, recommended alerts, Managed Grafana and Event Grid (docs/observability.md).'),
  baseline: baselineSchema.prefault({}).describe('Security baseline checks at synth time: enforcement and waivers (docs/baseline.md).'),
  access: accessSchema.prefault({}).describe('Azure RBAC role assignments on the cluster and its namespaces (docs/access.md).'),
  teams: teamsSchema,
});

export type EnvironmentInput = z.input<typeof environmentSchema>;
export type EnvironmentConfig = z.output<typeof environmentSchema>;

export const environmentName = pattern(/^[a-z][a-z0-9]{0,9}$/, '1-10 lowercase letters and digits, starting with a letter');
export const projectName = pattern(/^[a-z][a-z0-9]{1,11}$/, '2-12 lowercase letters and digits, starting with a letter');

/** The file's top level. Environment bodies are checked after merging, against environmentSchema. */
export const topLevelSchema = z.strictObject({
  $schema: z.string().optional().describe('Path of the JSON Schema, for editors.'),
  project: projectName.describe('Short project name, used in every derived resource name (keep it short: storage and ACR names are global).'),
  owner: z.string().min(1).describe('Owner tag on every resource (a team, not a person).'),
  defaults: z.record(z.string(), z.unknown()).default({}).describe('Settings shared by every environment, under each environment\'s own.'),
  environments: z
    .record(environmentName, z.record(z.string(), z.unknown()).nullable())
    .refine((e) => Object.keys(e).length > 0, { message: 'at least one environment is required' }),
});

/** The editor schema's view of the whole file (every environment field optional: defaults may supply it). */
export function fileJsonSchema(): Record<string, unknown> {
  const envInput = environmentSchema.partial();
  const file = topLevelSchema.extend({
    defaults: envInput.optional(),
    environments: z.record(environmentName, envInput),
  });
  return z.toJSONSchema(file, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Record<string, unknown>;
}
