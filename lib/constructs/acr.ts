import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { ContainerRegistry as ContainerRegistryResource } from '@cdktf/provider-azurerm/lib/container-registry';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import type { AcrNetworkBypass, AcrSku, PrincipalType } from '../enums';
import { BUILT_IN_ROLES, grantRole, type IPrincipal } from './role-assignment';

/** A registry this app created or one it references by ID (possibly in another subscription). */
export interface IContainerRegistry {
  /** Resource ID. */
  readonly id: string;
  /** Registry name. */
  readonly name: string;
  /** Login server, `<name>.azurecr.io`. */
  readonly loginServer: string;
  /**
   * AcrPull for `grantee` on this registry (`az aks --attach-acr` gives the kubelet identity exactly this).
   * Removing the call removes the assignment and nothing else (`--detach-acr`).
   */
  grantPull(grantee: IPrincipal): RoleAssignment;
  /** AcrPush for `grantee` on this registry (push and pull; a pipeline identity). */
  grantPush(grantee: IPrincipal, principalType?: PrincipalType): RoleAssignment;
}

abstract class ContainerRegistryBase extends Construct implements IContainerRegistry {
  abstract readonly id: string;
  abstract readonly name: string;
  abstract readonly loginServer: string;

  grantPull(grantee: IPrincipal): RoleAssignment {
    return grantRole(this, `pull-${grantee.principalName}`, { scope: this.id, principalId: grantee.principalId, role: BUILT_IN_ROLES.acrPull });
  }

  grantPush(grantee: IPrincipal, principalType: PrincipalType = 'ServicePrincipal'): RoleAssignment {
    return grantRole(this, `push-${grantee.principalName}`, { scope: this.id, principalId: grantee.principalId, role: BUILT_IN_ROLES.acrPush, principalType });
  }
}

/** A replica of the registry in another region. */
export interface GeoReplication {
  /** Region of the replica; never the registry's own. */
  readonly location: string;
  /** Zone-redundant replica. Forces replacement of the replica. @default true */
  readonly zoneRedundancy?: boolean;
  /** Regional endpoint `<name>.<region>.geo.azurecr.io`. @default false */
  readonly regionalEndpoint?: boolean;
  /** Tags of the replica. @default the registry's tags */
  readonly tags?: Record<string, string>;
}

/** The registry firewall (Premium only). */
export interface RegistryNetworkRules {
  /** Action for addresses not in `ipRules`. @default 'Allow' (no rule set emitted) */
  readonly defaultAction?: 'Allow' | 'Deny';
  /** CIDR ranges allowed through. @default [] */
  readonly ipRules?: readonly string[];
  /** Trusted Azure services pass the firewall. @default 'AzureServices' */
  readonly bypass?: AcrNetworkBypass;
}

export interface ContainerRegistryProps {
  /** Registry name, globally unique: 5-50 letters and digits. Forces replacement. */
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** @default 'Premium' */
  readonly sku?: AcrSku;
  /** Admin user (a shared username and password). Leave off: pulls use Entra ID identities. @default false */
  readonly adminEnabled?: boolean;
  /** Zone-redundant registry (Premium only). Forces replacement. @default true on Premium, false otherwise */
  readonly zoneRedundancy?: boolean;
  /** Days untagged manifests are kept before deletion (Premium only), 0-365. @default 7 on Premium, none otherwise */
  readonly retentionDays?: number;
  /** Public endpoint on. Off needs a private endpoint (Premium) for nodes to pull. @default true */
  readonly publicNetworkAccess?: boolean;
  /** Replicas in other regions (Premium only). @default [] */
  readonly geoReplications?: readonly GeoReplication[];
  /** Dedicated data endpoints per region (Premium only). @default false */
  readonly dataEndpoint?: boolean;
  /** Artifacts may be exported; false needs `publicNetworkAccess: false` (Premium only). @default true */
  readonly exportPolicy?: boolean;
  /** Unauthenticated pulls (Standard and Premium). @default false */
  readonly anonymousPull?: boolean;
  /** Quarantine pushed images until a scanner releases them (preview, Premium only). @default false */
  readonly quarantine?: boolean;
  /** The registry firewall (Premium only). @default no rule set, trusted Azure services bypass */
  readonly networkRules?: RegistryNetworkRules;
  /** Tags. @default {} */
  readonly tags?: Record<string, string>;
}

const NAME_RE = /^[a-zA-Z0-9]{5,50}$/;

/** An Azure Container Registry: Premium with admin user off, zone redundancy and an untagged-manifest retention policy. */
export class ContainerRegistry extends ContainerRegistryBase {
  /** A registry created elsewhere, by resource ID; the subscription may differ from the cluster's (seed 003). */
  static fromRegistryId(scope: Construct, id: string, registryId: string): IContainerRegistry {
    return new ExistingContainerRegistry(scope, id, registryId);
  }

  readonly resource: ContainerRegistryResource;
  /**
   * The regions the registry serves from: its own, then each replica's. A private registry needs a private endpoint
   * reachable from every region its clients pull in (each replica's data endpoint is its own address).
   */
  readonly regions: readonly string[];

  constructor(scope: Construct, id: string, props: ContainerRegistryProps) {
    super(scope, id);
    if (!Token.isUnresolved(props.name) && !NAME_RE.test(props.name)) {
      throw new Error(`${this.node.path}: name "${props.name}" is not a valid registry name (allowed: 5-50 letters and digits)`);
    }
    const sku = props.sku ?? 'Premium';
    const premium = sku === 'Premium';
    if (!premium && props.zoneRedundancy) {
      throw new Error(`${this.node.path}: zoneRedundancy needs sku Premium (got sku "${sku}")`);
    }
    if (!premium && props.retentionDays !== undefined) {
      throw new Error(`${this.node.path}: retentionDays needs sku Premium (got sku "${sku}")`);
    }
    const retention = props.retentionDays ?? (premium ? 7 : undefined);
    if (retention !== undefined && !Token.isUnresolved(retention) && (!Number.isInteger(retention) || retention < 0 || retention > 365)) {
      throw new Error(`${this.node.path}: retentionDays ${retention} is out of range (allowed: 0-365)`);
    }
    const replicas = props.geoReplications ?? [];
    const rules = props.networkRules ?? {};
    const deny = rules.defaultAction === 'Deny';
    const premiumOnly: [string, boolean][] = [
      ['geoReplications', replicas.length > 0],
      ['dataEndpoint', props.dataEndpoint === true],
      ['exportPolicy: false', props.exportPolicy === false],
      ['quarantine', props.quarantine === true],
      ['networkRules', deny || (rules.ipRules ?? []).length > 0],
    ];
    for (const [what, used] of premiumOnly) {
      if (used && !premium) throw new Error(`${this.node.path}: ${what} needs sku Premium (got sku "${sku}")`);
    }
    if (props.anonymousPull && sku === 'Basic') throw new Error(`${this.node.path}: anonymousPull needs sku Standard or Premium (got sku "Basic")`);
    if (props.exportPolicy === false && props.publicNetworkAccess !== false) {
      // The provider refuses it too: `export_policy_enabled` can only be false when public network access is off.
      throw new Error(`${this.node.path}: exportPolicy false needs publicNetworkAccess false`);
    }
    const seen = new Set<string>([props.location]);
    for (const r of replicas) {
      if (Token.isUnresolved(r.location)) continue;
      if (seen.has(r.location)) {
        throw new Error(`${this.node.path}: geo-replica location "${r.location}" is ${r.location === props.location ? "the registry's own region" : 'listed twice'} (allowed: each other region once)`);
      }
      seen.add(r.location);
    }
    this.regions = [props.location, ...replicas.map((r) => r.location)];
    this.resource = new ContainerRegistryResource(this, 'registry', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku,
      adminEnabled: props.adminEnabled ?? false,
      anonymousPullEnabled: props.anonymousPull ?? false,
      zoneRedundancyEnabled: props.zoneRedundancy ?? premium,
      retentionPolicyInDays: retention,
      publicNetworkAccessEnabled: props.publicNetworkAccess ?? true,
      dataEndpointEnabled: premium ? (props.dataEndpoint ?? false) : undefined,
      exportPolicyEnabled: premium ? (props.exportPolicy ?? true) : undefined,
      quarantinePolicyEnabled: premium ? (props.quarantine ?? false) : undefined,
      networkRuleBypassOption: premium ? (rules.bypass ?? 'AzureServices') : undefined,
      networkRuleSet:
        premium && (deny || (rules.ipRules ?? []).length > 0)
          ? [{ defaultAction: rules.defaultAction ?? 'Allow', ipRule: (rules.ipRules ?? []).map((ipRange) => ({ action: 'Allow', ipRange })) }]
          : undefined,
      georeplications: replicas.length
        ? replicas.map((r) => ({
            location: r.location,
            zoneRedundancyEnabled: r.zoneRedundancy ?? true,
            regionalEndpointEnabled: r.regionalEndpoint ?? false,
            tags: { ...(props.tags ?? {}), ...(r.tags ?? {}) },
          }))
        : undefined,
      tags: props.tags ?? {},
    });
  }

  get id(): string {
    return this.resource.id;
  }

  get name(): string {
    return this.resource.name;
  }

  /** `<name>.azurecr.io`. */
  get loginServer(): string {
    return this.resource.loginServer;
  }
}

const REGISTRY_ID_RE = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.ContainerRegistry\/registries\/([^/]+)$/i;

class ExistingContainerRegistry extends ContainerRegistryBase {
  readonly id: string;
  readonly name: string;
  readonly loginServer: string;

  constructor(scope: Construct, id: string, registryId: string) {
    super(scope, id);
    const m = REGISTRY_ID_RE.exec(registryId);
    if (!m) {
      throw new Error(`${this.node.path}: registryId "${registryId}" is not a container registry resource ID (allowed: /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.ContainerRegistry/registries/<name>)`);
    }
    this.id = registryId;
    this.name = m[1];
    // Azure public cloud's registry DNS suffix (login servers are lowercase).
    this.loginServer = `${m[1].toLowerCase()}.azurecr.io`;
  }
}
