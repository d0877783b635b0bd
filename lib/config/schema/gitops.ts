/**
 * GitOps and cluster extensions: Flux as an AKS extension with flux configurations, and other extensions by type.
 * No Git credentials are ever part of the configuration: repositories are public, or read with an existing
 * Kubernetes Secret named by `localAuthSecret` (synced from Key Vault by the CSI driver, for example).
 */
import { z } from 'zod';
import { pattern } from './common';

const k8sName = pattern(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'a Kubernetes name (lowercase letters, digits and hyphens)');
const seconds = (d: number, what: string) => z.int().min(60).max(86400).default(d).describe(`${what}, in seconds. Default: ${d}.`);

/**
 * A Git URL with no credentials in it: https://host/path or ssh://git@host/path (a user name alone, no password).
 * The pattern refuses `user:password@` and tokens before `@` in https URLs.
 */
const gitUrl = pattern(
  /^(https:\/\/[^\s/:@]+(:\d+)?\/[^\s@]+|ssh:\/\/git@[^\s/:@]+(:\d+)?\/[^\s@]+)$/,
  'an https:// or ssh://git@ Git URL without credentials in it (no user:password@ or token@)',
);

const kustomizationSchema = z.strictObject({
  path: z.string().regex(/^[^\s]*$/).default('./').describe('Path in the repository (`path`). Default: ./.'),
  syncIntervalSeconds: seconds(600, 'Reconciliation interval (`sync_interval_in_seconds`)'),
  timeoutSeconds: seconds(600, 'Apply timeout (`timeout_in_seconds`)'),
  prune: z.boolean().default(true).describe('Delete what was removed from Git (`garbage_collection_enabled`). Default: true.'),
  dependsOn: z.array(k8sName).default([]).describe('Kustomizations of this configuration applied first (`depends_on`). Default: none.'),
});

const fluxConfigurationSchema = z.strictObject({
  namespace: k8sName.default('flux-system').describe('Namespace of the Flux objects (`namespace`). Forces replacement. Default: flux-system.'),
  scope: z.enum(['cluster', 'namespace']).default('cluster').describe('What the configuration may change (`scope`). Forces replacement. Default: cluster.'),
  url: gitUrl.describe('Git repository URL (`git_repository.url`). Required; credentials in it are refused.'),
  branch: z.string().regex(/^[^\s]+$/).default('main').describe('Branch to follow (`reference_value` with `reference_type` branch). Default: main.'),
  syncIntervalSeconds: seconds(600, 'How often the repository is fetched (`git_repository.sync_interval_in_seconds`)'),
  timeoutSeconds: seconds(600, 'Fetch timeout (`git_repository.timeout_in_seconds`)'),
  localAuthSecret: k8sName
    .optional()
    .describe('An existing Kubernetes Secret in `namespace` holding the Git credentials (`local_auth_reference`), e.g. synced from Key Vault by a SecretProviderClass. Default: none (a public repository).'),
  kustomizations: z.record(k8sName, kustomizationSchema).prefault({ apps: {} }).describe('Kustomizations by name. Default: apps at ./.'),
});

const fluxSchema = z.strictObject({
  enabled: z.boolean().default(false).describe('Install Flux as the AKS extension `microsoft.flux` (`azurerm_kubernetes_cluster_extension`). Default: false.'),
  releaseTrain: z.enum(['Stable', 'Preview']).default('Stable').describe('Extension release train. Default: Stable.'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/).optional().describe('Pin the extension version (disables auto-upgrade of minor versions). Default: the release train\'s latest.'),
  controllers: z
    .strictObject({
      helm: z.boolean().default(true).describe('helm-controller. Default: true.'),
      kustomize: z.boolean().default(true).describe('kustomize-controller. Default: true.'),
      notification: z.boolean().default(true).describe('notification-controller. Default: true.'),
      imageAutomation: z.boolean().default(false).describe('image-automation-controller and image-reflector-controller. Default: false.'),
    })
    .prefault({})
    .describe('Per-controller toggles (the extension\'s `<controller>.enabled` settings).'),
  configurations: z.record(k8sName, fluxConfigurationSchema).default({}).describe('Flux configurations (`azurerm_kubernetes_flux_configuration`) by name. Default: none.'),
});

const extensionSchema = z.strictObject({
  type: pattern(/^[A-Za-z][\w.-]+$/, 'an extension type such as Microsoft.Dapr').describe('Extension type (`extension_type`): Microsoft.Dapr, Microsoft.AzureML.Kubernetes, Microsoft.DataProtection.Kubernetes, ... Required. Forces replacement.'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/).optional().describe('Pin the version. Default: the release train\'s latest.'),
  releaseTrain: z.string().regex(/^[A-Za-z]+$/).optional().describe('Release train. Default: the extension\'s default (Stable).'),
  releaseNamespace: k8sName.optional().describe('Namespace for a cluster-scoped extension (`release_namespace`). Forces replacement. Default: the extension\'s own.'),
  settings: z.record(z.string(), z.string()).default({}).describe('Configuration settings (`configuration_settings`); never secrets: they land in the output. Default: none.'),
});

export const gitopsSchema = z.strictObject({
  flux: fluxSchema.prefault({}).describe('Flux (GitOps) as an AKS extension.'),
  extensions: z.record(k8sName, extensionSchema).default({}).describe('Other cluster extensions by name (Dapr, Azure Machine Learning, Backup). Default: none.'),
});

export type GitopsConfig = z.output<typeof gitopsSchema>;
