import { Construct } from 'constructs';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { WorkloadIdentity } from '../../constructs/workload-identity';
import { BUILT_IN_ROLES, grantRole } from '../../constructs/role-assignment';

export const TRIVY_NAMESPACE = 'trivy-system';
/** The ServiceAccount the chart creates for the operator; scan jobs in the operator namespace run as it too. */
export const TRIVY_SERVICE_ACCOUNT = 'trivy-operator';

export interface TrivyScannerIdentityProps {
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly oidcIssuerUrl: string;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * The identity Trivy scan jobs pull private ACR images with: workload identity for
 * `system:serviceaccount:trivy-system:trivy-operator`, no registry password anywhere. Grant it AcrPull on each
 * registry with `grantPull`.
 */
export class TrivyScannerIdentity extends Construct {
  readonly identity: WorkloadIdentity;

  constructor(scope: Construct, id: string, props: TrivyScannerIdentityProps) {
    super(scope, id);
    this.identity = new WorkloadIdentity(this, 'identity', {
      ...props,
      namespace: TRIVY_NAMESPACE,
      serviceAccountName: TRIVY_SERVICE_ACCOUNT,
    });
  }

  /** AcrPull on one registry (by resource ID); returns the assignment. */
  grantPull(registryId: string, id = 'acr-pull'): RoleAssignment {
    return grantRole(this, id, { role: BUILT_IN_ROLES.acrPull, principalId: this.identity.principalId, scope: registryId });
  }
}
