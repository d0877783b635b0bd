/**
 * The architecture picture's model: one node per platform concept (not per Terraform resource), grouped by concern
 * inside the stack that applies it, and edges that say what one concept does with another.
 */

/** What an edge means to a platform engineer. Every edge of the picture carries exactly one. */
export const MEANINGS = ['pulls from', 'reads secrets', 'federated with', 'backs up to', 'egress via', 'resolves through', 'sends logs to'] as const;
export type Meaning = (typeof MEANINGS)[number];

/** Concerns, in the order the picture shows them. `add-ons` and `applications` are the in-cluster concerns. */
export const GROUPS = ['network', 'identity', 'cluster', 'data', 'observability', 'add-ons', 'applications', 'other'] as const;
export type Group = (typeof GROUPS)[number];

export const GROUP_TITLES: Record<Group, string> = {
  network: 'network',
  identity: 'identity',
  cluster: 'cluster',
  data: 'data',
  observability: 'observability',
  'add-ons': 'in-cluster: add-ons',
  applications: 'in-cluster: applications',
  other: 'other',
};

/** Kinds of concept; the kind of an edge's target decides what a reference to it means. */
export type Kind =
  | 'cluster'
  | 'pool'
  | 'vnet'
  | 'firewall'
  | 'route-table'
  | 'nat-gateway'
  | 'dns-zone'
  | 'identity'
  | 'key-vault'
  | 'registry'
  | 'backup-storage'
  | 'storage'
  | 'log-analytics'
  | 'monitor-workspace'
  | 'grafana'
  | 'alerts'
  | 'addon'
  | 'namespace'
  | 'component';

export interface ConceptNode {
  /** Stable id, from the concept's kind and its Azure or Kubernetes name (never a construct hash). */
  readonly id: string;
  readonly kind: Kind;
  readonly group: Group;
  /** The stack that applies it. */
  readonly stack: string;
  /** What it is: `AKS cluster`, `pool apps`, `workload identity`. */
  readonly title: string;
  /** Short lines under the title: its name, size, count range, zones, taints. */
  readonly details: readonly string[];
  /** Addresses (`<stack>.<type>.<name>`) of the resources it stands for. */
  readonly resources: readonly string[];
}

export interface ConceptEdge {
  readonly from: string;
  readonly to: string;
  readonly meaning: Meaning;
  /** What exactly: the role, the objects read, the ServiceAccount, the log kinds. Sorted, deduplicated. */
  readonly details: readonly string[];
}

/** A role assignment as the settings table shows it: who, which role, on what (concept ids where known). */
export interface Grant {
  /** A node id, or the literal principal ID when it is not a concept of this picture. */
  readonly principal: string;
  readonly role: string;
  /** A node id (with the object path below it, `/secrets/db-dsn`), or the literal scope. */
  readonly scope: string;
}

export interface StackBox {
  readonly name: string;
  /** `applied first (azurerm, azuread)`: where it sits in the apply order. */
  readonly caption: string;
}

export interface ConceptModel {
  readonly environment: string;
  /** In apply order: infra, platform, then any other stack of the environment. */
  readonly stacks: readonly StackBox[];
  /** In stack, group, then id order. */
  readonly nodes: readonly ConceptNode[];
  /** In from, meaning, to order. */
  readonly edges: readonly ConceptEdge[];
  /** Every role assignment, drawn or not, in principal then scope order. */
  readonly grants: readonly Grant[];
}
