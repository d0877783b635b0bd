/** Velero's settings (`backup`) and their cross-field checks. Imported by the configuration: no constructs here. */
import { z } from 'zod';
import { VELERO_SNAPSHOT_MODES_LIST } from '../../enums';
import { VELERO_CHART } from '../../azure/charts';
import { DNS_LABEL_PATTERN } from '../../azure/kubernetes';
import { ipv4OrCidr } from '../../config/schema/common';
import { chartVersionSchema, helmValuesSchema, releaseSchema } from '../../config/schema/helm';
import { privateEndpointSchema } from '../../config/schema/private-endpoint';
import type { ResolvedEnvironment } from '../../config/model';
import type { Problem } from '../../config/problem';

const scheduleSchema = z.strictObject({
  schedule: z.string().regex(/^\S+( \S+){4}$/).describe('Cron expression (five fields).'),
  includedNamespaces: z.array(z.string().min(1)).min(1).describe('Namespaces backed up.'),
  ttl: z.string().regex(/^\d+(h|m|s)(\d+(m|s))?$/).default('720h').describe('How long each backup is kept. Default: 720h (30 days).'),
  includeApplicationNamespaces: z
    .boolean()
    .default(true)
    .describe('Also back up every application namespace of the environment: the namespaces entries and the workloads\' namespaces (not default or kube-*). Default: true.'),
});

/** Velero: backup storage in the infra stack, the Velero release in the platform stack. */
export const backupSchema = z.strictObject({
  enabled: z.boolean().default(true).describe('Velero backups (storage account, identity and release). Default: true.'),
  storageAccountName: z
    .string()
    .optional()
    .describe('Backup storage account, globally unique, 3-24 lowercase letters and digits. Forces replacement. Default: stbk<project><environment>.'),
  containerName: z
    .string()
    .regex(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/)
    .default('velero')
    .describe('Blob container for backups. Forces replacement. Default: velero.'),
  softDeleteDays: z.int().min(1).max(365).default(14).describe('Days deleted blobs and containers stay recoverable. Default: 14.'),
  allowNodeSubnet: z
    .boolean()
    .default(true)
    .describe('Close the storage account\'s firewall to everything but the cluster\'s node subnet (where Velero\'s traffic comes from; the platform adds the Microsoft.Storage service endpoint to the subnet it creates, an existing one needs it already) and ipRules. false leaves the public endpoint open, with Entra ID authentication only. Default: true.'),
  privateEndpoint: privateEndpointSchema
    .optional()
    .describe('A private endpoint for the backup account\'s blob service (zone privatelink.blob.core.windows.net). Default: none.'),
  publicNetworkAccess: z
    .boolean()
    .default(true)
    .describe('The backup account\'s public endpoint (subject to its firewall); false needs backup.privateEndpoint (refused without one). Default: true.'),
  ipRules: z
    .array(ipv4OrCidr)
    .default([])
    .describe('Public IPs or CIDRs also allowed through the storage firewall (an operator restoring from outside). Default: [].'),
  snapshots: z
    .enum(VELERO_SNAPSHOT_MODES_LIST)
    .default('csi')
    .describe('Volume snapshots: csi (CSI snapshots, no credentials file), azure-plugin (the plugin\'s VolumeSnapshotter: Contributor on the node resource group and a credentials Secret holding only subscription and resource group) or none. Default: csi.'),
  nodeAgent: z.boolean().default(false).describe('Deploy the node agent (file-system backups; makes the velero namespace privileged). Default: false.'),
  pluginImage: z.string().default('velero/velero-plugin-for-microsoft-azure:v1.14.0').describe('Azure plugin image. Default: velero/velero-plugin-for-microsoft-azure:v1.14.0.'),
  schedules: z
    .record(z.string().regex(DNS_LABEL_PATTERN), scheduleSchema)
    .default({ 'daily-backup': { schedule: '0 2 * * *', includedNamespaces: ['production', 'staging'], ttl: '720h', includeApplicationNamespaces: true } })
    .describe('Backup schedules by name. Default: daily-backup at 02:00 of production and staging (the AKS baseline) and the other application namespaces, kept 720h.'),
  chartVersion: chartVersionSchema(VELERO_CHART.version),
  values: helmValuesSchema,
  release: releaseSchema.prefault({}),
});

export type BackupConfig = z.output<typeof backupSchema>;

/** Schedules name namespaces of this environment (or `*`). */
export function checkVelero(env: ResolvedEnvironment, out: Problem[]): void {
  if (env.backup.enabled) {
    const known = new Set(Object.keys(env.namespaces));
    for (const [name, s] of Object.entries(env.backup.schedules)) {
      const missing = s.includedNamespaces.filter((n) => !known.has(n) && n !== '*');
      if (missing.length > 0 && known.size > 0) {
        // Not an error: Velero may back up namespaces created outside this project. Said as a problem only when none matches.
        if (missing.length === s.includedNamespaces.length) {
          out.push({
            path: `backup.schedules.${name}.includedNamespaces`,
            message: 'names no namespace of this environment',
            got: s.includedNamespaces.join(', '),
            allowed: [...known].join(', ') + ' or *',
          });
        }
      }
    }
  }
}
