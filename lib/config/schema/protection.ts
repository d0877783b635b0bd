import { z } from 'zod';

const on = (what: string, dflt: boolean) =>
  z
    .boolean()
    .default(dflt)
    .describe(`Terraform prevent_destroy on ${what}: a plan that would delete or replace it fails. Turn off (false) for a deliberate teardown, apply, then turn on again. Default: ${dflt}.`);

/** Terraform `prevent_destroy` on the resources that hold data (lib/azure/data-holders.ts; the vault: keyVault.preventDestroy). */
export const protectionSchema = z.strictObject({
  preventDestroy: z
    .strictObject({
      backupStorage: on('the backup storage account and its container (the Velero backups)', true),
      registry: on('the container registry (its images)', true),
      logAnalytics: on('the Log Analytics workspace (logs and audit trail)', true),
      monitorWorkspace: on('the Azure Monitor workspace (Prometheus metrics)', true),
      cluster: on('the AKS cluster (offered for production; a cluster is usually rebuilt, not restored)', false),
    })
    .prefault({})
    .describe('Per data-holding resource: prevent_destroy on (the default) or off for a deliberate teardown.'),
});
