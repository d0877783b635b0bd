/**
 * The Entra application Terraform Cloud runs sign in as through dynamic provider credentials (OIDC): the
 * application, its service principal, and one federated credential per workspace and run phase. No client secret.
 */
import { Construct } from 'constructs';
import { Application } from '@cdktf/provider-azuread/lib/application';
import { ApplicationFederatedIdentityCredential } from '@cdktf/provider-azuread/lib/application-federated-identity-credential';
import { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import type { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';

/** The audience Azure expects in a federated token exchange. */
export const AZURE_TOKEN_AUDIENCE = 'api://AzureADTokenExchange';
/** Terraform Cloud issues a token per run phase. */
export const RUN_PHASES = ['plan', 'apply'] as const;

export interface TfcRunIdentityProps {
  /** Display name of the application, e.g. `tfc-demo-prod`. */
  readonly displayName: string;
  /** Terraform Cloud / Enterprise host: the token issuer is `https://<hostname>`. @default 'app.terraform.io' */
  readonly hostname?: string;
  readonly organization: string;
  /** The Terraform Cloud project of the workspaces (its name, as in the token subject). */
  readonly project: string;
  /** Workspace names that may sign in as this application (one credential per workspace and run phase). */
  readonly workspaces: readonly string[];
  /** The azuread provider to create the application with. @default the stack's default azuread provider */
  readonly provider?: AzureadProvider;
}

/** `organization:<org>:project:<project>:workspace:<ws>:run_phase:<phase>`: the subject of a run's token. */
export function tfcSubject(organization: string, project: string, workspace: string, phase: (typeof RUN_PHASES)[number]): string {
  return `organization:${organization}:project:${project}:workspace:${workspace}:run_phase:${phase}`;
}

export class TfcRunIdentity extends Construct {
  readonly application: Application;
  readonly servicePrincipal: ServicePrincipal;
  /** The application's client ID: what `TFC_AZURE_RUN_CLIENT_ID` holds (an identifier, not a secret). */
  readonly clientId: string;

  constructor(scope: Construct, id: string, props: TfcRunIdentityProps) {
    super(scope, id);
    if (props.workspaces.length * RUN_PHASES.length > 20) {
      // Microsoft Entra ID allows at most 20 federated identity credentials per application.
      throw new Error(`${this.node.path}: ${props.workspaces.length} workspaces need ${props.workspaces.length * 2} federated credentials (allowed: at most 20 per application)`);
    }
    const provider = props.provider;
    this.application = new Application(this, 'application', { displayName: props.displayName, provider });
    this.servicePrincipal = new ServicePrincipal(this, 'service-principal', { clientId: this.application.clientId, provider });
    this.clientId = this.application.clientId;
    for (const ws of props.workspaces) {
      for (const phase of RUN_PHASES) {
        new ApplicationFederatedIdentityCredential(this, `${ws}-${phase}`, {
          applicationId: this.application.id,
          displayName: `${ws}-${phase}`,
          description: `Terraform Cloud ${phase} runs of workspace ${ws}`,
          audiences: [AZURE_TOKEN_AUDIENCE],
          issuer: `https://${props.hostname ?? 'app.terraform.io'}`,
          subject: tfcSubject(props.organization, props.project, ws, phase),
          provider,
        });
      }
    }
  }
}
