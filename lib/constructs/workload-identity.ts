import { Construct } from 'constructs';
import { FederatedIdentityCredential } from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';

/** The audience Entra ID expects for Kubernetes service account token exchange. */
export const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';

export interface WorkloadIdentityProps {
  /** Name of the user-assigned managed identity. */
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** The cluster's OIDC issuer URL: pass the cluster attribute (a reference), never a copied string. */
  readonly oidcIssuerUrl: string;
  /** Namespace of the Kubernetes ServiceAccount. */
  readonly namespace: string;
  /** Name of the Kubernetes ServiceAccount. */
  readonly serviceAccountName: string;
  /** Tags. @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * A user-assigned managed identity that one Kubernetes ServiceAccount can act as, through a federated identity
 * credential (issuer = the cluster's OIDC issuer, subject = `system:serviceaccount:<namespace>:<name>`, audience
 * `api://AzureADTokenExchange`). It holds no role: grant those where the resource lives (least privilege).
 */
export class WorkloadIdentity extends Construct {
  readonly identity: UserAssignedIdentity;
  readonly federatedCredential: FederatedIdentityCredential;
  /** `system:serviceaccount:<namespace>:<name>`. */
  readonly subject: string;
  readonly namespace: string;
  readonly serviceAccountName: string;

  constructor(scope: Construct, id: string, props: WorkloadIdentityProps) {
    super(scope, id);
    this.namespace = props.namespace;
    this.serviceAccountName = props.serviceAccountName;
    this.subject = `system:serviceaccount:${props.namespace}:${props.serviceAccountName}`;
    this.identity = new UserAssignedIdentity(this, 'identity', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tags: props.tags ?? {},
    });
    this.federatedCredential = new FederatedIdentityCredential(this, 'federated-credential', {
      name: `${props.namespace}-${props.serviceAccountName}`,
      resourceGroupName: props.resourceGroupName,
      parentId: this.identity.id,
      issuer: props.oidcIssuerUrl,
      subject: this.subject,
      audience: [TOKEN_EXCHANGE_AUDIENCE],
    });
  }

  /** Client ID: what the ServiceAccount annotation `azure.workload.identity/client-id` carries. */
  get clientId(): string {
    return this.identity.clientId;
  }

  /** Principal (object) ID: what role assignments name. */
  get principalId(): string {
    return this.identity.principalId;
  }

  /** Resource ID of the identity. */
  get id(): string {
    return this.identity.id;
  }
}
