/**
 * `tfc`: the Terraform Cloud bootstrap stack, synthesized only when an environment uses `backend.type: cloud`. Per
 * such environment: the two workspaces (working directory, execution mode, Terraform version), the infra state
 * shared with the platform workspace only, a run trigger infra -> platform, and dynamic provider credentials for
 * Azure (`TFC_AZURE_PROVIDER_AUTH`, `TFC_AZURE_RUN_CLIENT_ID`) with, unless `backend.runClientId` names an existing
 * application, an Entra application per environment and a federated credential per workspace and run phase.
 * No token or secret anywhere: the tfe provider reads `TFE_TOKEN` (or `terraform login`), azuread the person's
 * `az login`; runs get short-lived OIDC tokens. Its own state is local (it creates where the others' state lives).
 */
import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { Project } from '@cdktf/provider-tfe/lib/project';
import { TfeProvider } from '@cdktf/provider-tfe/lib/provider';
import type { PlatformConfig, ResolvedEnvironment } from '../config';
import type { BackendConfig } from '../config/schema/backend';
import { TfcRunIdentity } from '../constructs/tfc/run-identity';
import { TfcWorkspacePair } from '../constructs/tfc/workspace-pair';
import { configureBackend, type BackendContext } from './backend';

/** The name of the bootstrap stack. */
export const TFC_STACK = 'tfc';
/** The project every organization has; workspaces without a project ID land in it. */
export const DEFAULT_TFC_PROJECT = 'Default Project';

type CloudBackend = Extract<BackendConfig, { type: 'cloud' }>;

export interface TfcStackProps {
  readonly config: PlatformConfig;
  readonly backend: BackendContext;
}

/** Whether the configuration needs the bootstrap stack (an environment with `backend.type: cloud`). */
export function needsTfcStack(config: PlatformConfig): boolean {
  return config.environments.some((e) => e.backend.type === 'cloud');
}

export class TfcStack extends TerraformStack {
  /** The workspaces of each environment, by environment name. */
  readonly workspaces = new Map<string, TfcWorkspacePair>();
  /** The run identities this stack creates, by environment name. */
  readonly identities = new Map<string, TfcRunIdentity>();

  constructor(scope: Construct, id: string, props: TfcStackProps) {
    super(scope, id);
    configureBackend(this, id, { type: 'local', stateDir: '.' }, props.backend);
    const tfe = new Map<string, TfeProvider>();
    const azuread = new Map<string, AzureadProvider>();
    const projects = new Map<string, Project>();
    const cloud = props.config.environments.filter((e): e is ResolvedEnvironment & { backend: CloudBackend } => e.backend.type === 'cloud');

    for (const env of cloud) {
      const b = env.backend;
      // One provider per host and per tenant; the first is the default, others get an alias.
      const tfeProvider = once(tfe, b.hostname, (alias) => new TfeProvider(this, `tfe-${slug(b.hostname)}`, { hostname: b.hostname, alias }));
      const projectKey = `${b.hostname}/${b.organization}/${b.project}`;
      const project =
        b.project === DEFAULT_TFC_PROJECT
          ? undefined
          : once(projects, projectKey, () => new Project(this, `project-${slug(projectKey)}`, { name: b.project, organization: b.organization, provider: tfeProvider }));
      const stacks = ['infra', 'platform'].map((k) => `${env.name}-${k}`);
      const names = stacks.map((s) => `${b.workspacePrefix}${s}`);
      let clientId = b.runClientId;
      if (!clientId) {
        const provider = once(azuread, env.tenantId, (alias) => new AzureadProvider(this, `azuread-${env.tenantId}`, { tenantId: env.tenantId, alias }));
        const identity = new TfcRunIdentity(this, `${env.name}-run-identity`, {
          displayName: `tfc-${env.project}-${env.name}`,
          hostname: b.hostname,
          organization: b.organization,
          project: b.project,
          workspaces: names,
          provider,
        });
        this.identities.set(env.name, identity);
        clientId = identity.clientId;
      }
      const dir = (stack: string) => `${props.backend.outdir.split('\\').join('/')}/stacks/${stack}`;
      this.workspaces.set(
        env.name,
        new TfcWorkspacePair(this, `${env.name}-workspaces`, {
          organization: b.organization,
          projectId: project?.id,
          infra: { name: names[0], workingDirectory: dir(stacks[0]) },
          platform: { name: names[1], workingDirectory: dir(stacks[1]) },
          executionMode: b.executionMode,
          agentPoolId: b.agentPoolId,
          terraformVersion: b.terraformVersion,
          runClientId: clientId,
          tagNames: [env.project, env.name],
          provider: tfeProvider,
        }),
      );
    }
  }
}

function once<T>(map: Map<string, T>, key: string, make: (alias: string | undefined) => T): T {
  let v = map.get(key);
  if (!v) {
    v = make(map.size === 0 ? undefined : slug(key));
    map.set(key, v);
  }
  return v;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
