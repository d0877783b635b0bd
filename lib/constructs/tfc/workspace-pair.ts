/**
 * The two Terraform Cloud workspaces of one environment: `<env>-infra` and `<env>-platform`, with the infra state
 * shared with the platform workspace only, a run trigger infra -> platform, and the workspace variables for Azure
 * dynamic provider credentials.
 */
import { Construct } from 'constructs';
import { RunTrigger } from '@cdktf/provider-tfe/lib/run-trigger';
import type { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import { Variable } from '@cdktf/provider-tfe/lib/variable';
import { Workspace } from '@cdktf/provider-tfe/lib/workspace';
import { WorkspaceSettings } from '@cdktf/provider-tfe/lib/workspace-settings';

/** Where a workspace runs Terraform. */
export type TfcExecutionMode = 'remote' | 'agent' | 'local';

export interface TfcWorkspaceSpec {
  /** Workspace name, e.g. `aks-prod-infra`. */
  readonly name: string;
  /** Folder Terraform runs in, relative to the uploaded root, e.g. `cdktf.out/stacks/prod-infra`. */
  readonly workingDirectory: string;
}

export interface TfcWorkspacePairProps {
  readonly organization: string;
  /** Project ID for the workspaces. @default the organization's default project */
  readonly projectId?: string;
  readonly infra: TfcWorkspaceSpec;
  readonly platform: TfcWorkspaceSpec;
  /** @default 'remote' */
  readonly executionMode?: TfcExecutionMode;
  /** Agent pool, with executionMode `agent`. @default - none */
  readonly agentPoolId?: string;
  /** Terraform version or constraint. @default - the organization's default */
  readonly terraformVersion?: string;
  /** Client ID of the Entra application runs sign in as (dynamic provider credentials). */
  readonly runClientId: string;
  /** Tags on both workspaces. @default [] */
  readonly tagNames?: readonly string[];
  readonly provider?: TfeProvider;
}

export class TfcWorkspacePair extends Construct {
  readonly infra: Workspace;
  readonly platform: Workspace;
  readonly runTrigger: RunTrigger;

  constructor(scope: Construct, id: string, props: TfcWorkspacePairProps) {
    super(scope, id);
    const provider = props.provider;
    const workspace = (key: string, spec: TfcWorkspaceSpec, consumers: string[]) => {
      const ws = new Workspace(this, key, {
        name: spec.name,
        organization: props.organization,
        projectId: props.projectId,
        workingDirectory: spec.workingDirectory,
        terraformVersion: props.terraformVersion,
        tagNames: props.tagNames ? [...props.tagNames] : undefined,
        queueAllRuns: false,
        provider,
      });
      new WorkspaceSettings(this, `${key}-settings`, {
        workspaceId: ws.id,
        executionMode: props.executionMode ?? 'remote',
        agentPoolId: props.executionMode === 'agent' ? props.agentPoolId : undefined,
        // State is shared with the named consumers only, never organization-wide.
        globalRemoteState: false,
        remoteStateConsumerIds: consumers,
        provider,
      });
      // Dynamic provider credentials: runs get a short-lived token for the application; no secret is stored.
      new Variable(this, `${key}-azure-auth`, { workspaceId: ws.id, category: 'env', key: 'TFC_AZURE_PROVIDER_AUTH', value: 'true', provider });
      new Variable(this, `${key}-azure-client-id`, { workspaceId: ws.id, category: 'env', key: 'TFC_AZURE_RUN_CLIENT_ID', value: props.runClientId, provider });
      return ws;
    };
    this.platform = workspace('platform', props.platform, []);
    this.infra = workspace('infra', props.infra, [this.platform.id]);
    this.runTrigger = new RunTrigger(this, 'infra-to-platform', { workspaceId: this.platform.id, sourceableId: this.infra.id, provider });
  }
}
