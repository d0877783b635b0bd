import { Construct } from 'constructs';
import { ServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/service-account-v1';

import { WORKLOAD_IDENTITY_CLIENT_ID_ANNOTATION, WORKLOAD_IDENTITY_USE_LABEL } from '../../azure/kubernetes';

export { WORKLOAD_IDENTITY_CLIENT_ID_ANNOTATION, WORKLOAD_IDENTITY_USE_LABEL };

export interface WorkloadServiceAccountProps {
  /** ServiceAccount name: the `<name>` of the federated credential's subject. */
  readonly name: string;
  /** Namespace (pass the namespace construct's `name` so the account waits for it). */
  readonly namespace: string;
  /** Client ID of the user-assigned identity (a reference to it, e.g. across stacks). */
  readonly clientId: string;
  /** Extra labels. @default {} */
  readonly labels?: Record<string, string>;
}

/**
 * A Kubernetes ServiceAccount bound to an Azure identity through workload identity (seed 000 and seed 004 3.):
 * annotated `azure.workload.identity/client-id` and labelled `azure.workload.identity/use: "true"`.
 */
export class WorkloadServiceAccount extends Construct {
  readonly resource: ServiceAccountV1;

  constructor(scope: Construct, id: string, props: WorkloadServiceAccountProps) {
    super(scope, id);
    this.resource = new ServiceAccountV1(this, 'service-account', {
      metadata: {
        name: props.name,
        namespace: props.namespace,
        annotations: { [WORKLOAD_IDENTITY_CLIENT_ID_ANNOTATION]: props.clientId },
        labels: { ...props.labels, [WORKLOAD_IDENTITY_USE_LABEL]: 'true' },
      },
    });
  }

  /** Name, as a reference. */
  get name(): string {
    return this.resource.metadata.name;
  }
}
