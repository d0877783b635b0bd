import { Construct } from 'constructs';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';

export const POD_SECURITY_LEVELS = ['restricted', 'baseline', 'privileged'] as const;
/** Pod Security Standards level. */
export type PodSecurityLevel = (typeof POD_SECURITY_LEVELS)[number];

export interface PlatformNamespaceProps {
  /** Namespace name. */
  readonly name: string;
  /** Pod Security Standards level for enforce, audit and warn. @default 'restricted' */
  readonly podSecurity?: PodSecurityLevel;
  /** Extra labels. @default {} */
  readonly labels?: Record<string, string>;
}

/**
 * A namespace the platform owns, created by the stack (never as a Helm `create_namespace` side effect), with the
 * Pod Security Standards labels the seed shows (enforce, audit and warn at one level).
 */
export class PlatformNamespace extends Construct {
  readonly resource: NamespaceV1;
  /** Name, as a reference: use it so dependants wait for the namespace. */
  readonly name: string;

  constructor(scope: Construct, id: string, props: PlatformNamespaceProps) {
    super(scope, id);
    const level = props.podSecurity ?? 'restricted';
    this.resource = new NamespaceV1(this, 'namespace', {
      metadata: {
        name: props.name,
        labels: {
          'pod-security.kubernetes.io/enforce': level,
          'pod-security.kubernetes.io/audit': level,
          'pod-security.kubernetes.io/warn': level,
          ...props.labels,
        },
      },
    });
    this.name = this.resource.metadata.name;
  }
}
