import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { FederatedIdentityCredential } from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import type { IPrincipal } from './role-assignment';

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
export class WorkloadIdentity extends Construct implements IPrincipal {
  readonly identity: UserAssignedIdentity;
  readonly federatedCredential: FederatedIdentityCredential;
  /** `system:serviceaccount:<namespace>:<name>`. */
  readonly subject: string;
  readonly namespace: string;
  readonly serviceAccountName: string;
  /** The identity's name: names its grants (`vault.grantRead(identity, …)`) in Terraform addresses. */
  readonly principalName: string;

  constructor(scope: Construct, id: string, props: WorkloadIdentityProps) {
    super(scope, id);
    this.namespace = props.namespace;
    this.serviceAccountName = props.serviceAccountName;
    this.principalName = props.name;
    const dns1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
    for (const [prop, value] of [['namespace', props.namespace], ['serviceAccountName', props.serviceAccountName]] as const) {
      if (!Token.isUnresolved(value) && (!dns1123.test(value) || value.length > 63)) {
        throw new Error(`${this.node.path}: ${prop} "${value}" is not a valid Kubernetes name (allowed: 1-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit)`);
      }
    }
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
