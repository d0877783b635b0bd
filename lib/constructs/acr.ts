import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { ContainerRegistry as ContainerRegistryResource } from '@cdktf/provider-azurerm/lib/container-registry';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import type { AcrSku } from '../enums';
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
}

abstract class ContainerRegistryBase extends Construct implements IContainerRegistry {
  abstract readonly id: string;
  abstract readonly name: string;
  abstract readonly loginServer: string;

  grantPull(grantee: IPrincipal): RoleAssignment {
    return grantRole(this, `pull-${grantee.principalName}`, { scope: this.id, principalId: grantee.principalId, role: BUILT_IN_ROLES.acrPull });
  }
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
    this.resource = new ContainerRegistryResource(this, 'registry', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku,
      adminEnabled: props.adminEnabled ?? false,
      zoneRedundancyEnabled: props.zoneRedundancy ?? premium,
      retentionPolicyInDays: retention,
      publicNetworkAccessEnabled: props.publicNetworkAccess ?? true,
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
