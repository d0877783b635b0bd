import * as path from 'path';
import { AzurermBackend, CloudBackend, LocalBackend, NamedCloudWorkspace, type TerraformStack } from 'cdktf';
import type { BackendConfig } from '../config/schema/backend';

/** Where the synthesized stacks go, relative to the project root. */
export interface BackendContext {
  /** Output folder relative to the project root, e.g. `cdktf.out`. */
  readonly outdir: string;
}

/**
 * Configures one stack's backend. Credentials never appear here: Terraform reads them from its environment.
 *
 * The local backend's state path is written relative to the folder Terraform runs in
 * (`<outdir>/stacks/<stack>`), pointing back at the project root, so output holds no absolute machine path and
 * cross-stack `terraform_remote_state` lookups resolve the same on every machine.
 */
export function configureBackend(stack: TerraformStack, stackName: string, backend: BackendConfig, ctx: BackendContext): void {
  switch (backend.type) {
    case 'local': {
      const runDir = path.posix.join(ctx.outdir.split(path.sep).join('/'), 'stacks', stackName);
      const toRoot = path.posix.relative(runDir, '.') || '.';
      new LocalBackend(stack, { path: path.posix.join(toRoot, backend.stateDir, `terraform.${stackName}.tfstate`) });
      return;
    }
    case 'azurerm':
      new AzurermBackend(stack, {
        resourceGroupName: backend.resourceGroupName,
        storageAccountName: backend.storageAccountName,
        containerName: backend.containerName,
        key: `${backend.keyPrefix}${stackName}.tfstate`,
        useAzureadAuth: backend.useAzureadAuth,
      });
      return;
    case 'cloud':
      new CloudBackend(stack, {
        organization: backend.organization,
        hostname: backend.hostname,
        workspaces: new NamedCloudWorkspace(`${backend.workspacePrefix}${stackName}`),
      });
      return;
  }
}
