/**
 * What an add-on is to the stacks: a name, when it is on, its Azure side (built in the infra stack), its namespace
 * with the Pod Security level and why, and its cluster side (built in the platform stack from the Azure side's
 * outputs). Each add-on's `addon.ts` exports one `AddOn`; `lib/addons/registry.ts` lists them and the stacks iterate
 * that list. See docs/extending.md.
 */
import type { Construct } from 'constructs';
import type { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import type { PodSecurityLevel } from '../azure/kubernetes';
import type { ResolvedEnvironment } from '../config';
import type { AksCluster } from '../constructs/aks-cluster';
import type { PlatformNamespace, PlatformNamespaceProps } from '../constructs/k8s/namespace';
import type { VirtualNetwork } from '../constructs/virtual-network';

/** What an add-on's Azure side is built from (the infra stack). */
export interface AddOnInfraContext {
  /** The infra stack: the add-on's constructs go directly under it (their IDs are part of Terraform addresses). */
  readonly scope: Construct;
  readonly env: ResolvedEnvironment;
  /** The platform's resource group: created, or an existing one read by name (existingResourceGroup). */
  readonly resourceGroup: Pick<ResourceGroup, 'name'>;
  readonly cluster: AksCluster;
  /** The VNet the infra stack created, if it did. @default - an existing node subnet is used */
  readonly network?: VirtualNetwork;
  /** The cluster's node subnet (created or given). */
  readonly nodeSubnetId?: string;
  /** The landing zone's applicationGatewayForContainers subnet (network.vnet.subnets), if it has one. */
  readonly agcSubnetId?: string;
  /** What every add-on identity takes: resource group, location, the cluster's OIDC issuer, tags. */
  readonly base: { readonly resourceGroupName: string; readonly location: string; readonly oidcIssuerUrl: string; readonly tags: Record<string, string> };
}

/** A scope that creates each namespace once (the platform stack). */
export interface NamespaceHost extends Construct {
  /** The namespace `name`, created on first request; later callers get the same construct. */
  namespace(name: string, props?: Omit<PlatformNamespaceProps, 'name'>): PlatformNamespace;
  /** Whether a network policy engine enforces NetworkPolicies; without one none are written. @default true */
  readonly networkPoliciesEnforced?: boolean;
}

/** What an add-on's cluster side is built from (the platform stack). */
export interface AddOnPlatformContext {
  /** The platform stack. */
  readonly scope: NamespaceHost;
  readonly env: ResolvedEnvironment;
  /** The add-on's namespace, created with its Pod Security level (when the add-on declares one). */
  readonly namespace?: PlatformNamespace;
  /** Subscription and node resource group (references into the infra stack). */
  readonly cluster: { readonly subscriptionId: string; readonly nodeResourceGroup: string };
  /** The environment's application namespaces (`namespaces` entries and the workloads'). */
  readonly applicationNamespaces: readonly string[];
}

/** An add-on's namespace: its name and Pod Security level, and why when the level is below restricted. */
export interface AddOnNamespace {
  readonly name: string;
  readonly podSecurity: PodSecurityLevel;
  /** Why the level is below restricted (the `platform/pod-security-reason` annotation). @default - none */
  readonly reason?: string;
}

/** One add-on. `I` is its Azure-side construct, `O` the values its cluster side reads from it. */
export interface AddOn<I = unknown, O = unknown> {
  /** Registry key and construct ID stem, e.g. `velero`. */
  readonly name: string;
  /** The configuration block its settings and Helm values come from, e.g. `backup`, for error messages. */
  readonly configBlock: string;
  /** Whether the environment turns it on. */
  enabled(env: ResolvedEnvironment): boolean;
  /**
   * Its Azure side (identity, roles, storage), in the infra stack; `outputs` become cross-stack references.
   * @default - no Azure side
   */
  infra?(ctx: AddOnInfraContext): { readonly construct: I; readonly outputs?: O };
  /** Its namespace and Pod Security level. @default - no namespace of its own */
  namespace?(env: ResolvedEnvironment): AddOnNamespace;
  /**
   * Its cluster side (release, extra manifests), in the platform stack; `outputs` is what `infra` returned.
   * @default - no cluster side
   */
  platform?(ctx: AddOnPlatformContext, outputs: O | undefined): Construct | undefined;
}

/** Declares an add-on (an identity function that checks the shape and infers `I` and `O`). */
export function defineAddOn<I, O>(addOn: AddOn<I, O>): AddOn<I, O> {
  return addOn;
}
