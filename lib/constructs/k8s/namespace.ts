import { Construct } from 'constructs';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';

import { POD_SECURITY_LEVELS, type PodSecurityLevel } from '../../azure/kubernetes';

export { POD_SECURITY_LEVELS, type PodSecurityLevel };

export interface PlatformNamespaceProps {
  /** Namespace name. */
  readonly name: string;
  /** Pod Security Standards level for enforce, audit and warn. @default 'restricted' */
  readonly podSecurity?: PodSecurityLevel;
  /**
   * Why the namespace needs a level below restricted (an add-on's host mounts, say): written to the
   * `platform/pod-security-reason` annotation, where the cluster's users and the baseline report read it.
   * @default - no annotation
   */
  readonly podSecurityReason?: string;
  /** Extra labels; the Pod Security labels are set by `podSecurity` and cannot be given here. @default {} */
  readonly labels?: Record<string, string>;
}

/** The label prefix of Pod Security Admission: set only through `podSecurity`. */
export const POD_SECURITY_LABEL_PREFIX = 'pod-security.kubernetes.io/';
/** The annotation that carries `podSecurityReason`. */
export const POD_SECURITY_REASON_ANNOTATION = 'platform/pod-security-reason';

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
    if (!POD_SECURITY_LEVELS.includes(level)) {
      throw new Error(`PlatformNamespace ${props.name}: podSecurity "${level}" is not a level (allowed: ${POD_SECURITY_LEVELS.join(', ')})`);
    }
    const sneaked = Object.keys(props.labels ?? {}).filter((k) => k.startsWith(POD_SECURITY_LABEL_PREFIX));
    if (sneaked.length) {
      throw new Error(`PlatformNamespace ${props.name}: labels ${sneaked.join(', ')} are set by podSecurity (allowed: labels without the ${POD_SECURITY_LABEL_PREFIX} prefix)`);
    }
    this.resource = new NamespaceV1(this, 'namespace', {
      metadata: {
        name: props.name,
        labels: {
          ...props.labels,
          [`${POD_SECURITY_LABEL_PREFIX}enforce`]: level,
          [`${POD_SECURITY_LABEL_PREFIX}audit`]: level,
          [`${POD_SECURITY_LABEL_PREFIX}warn`]: level,
        },
        ...(props.podSecurityReason ? { annotations: { [POD_SECURITY_REASON_ANNOTATION]: props.podSecurityReason } } : {}),
      },
    });
    this.name = this.resource.metadata.name;
  }
}
