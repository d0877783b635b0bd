import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { KeyVault as KeyVaultResource } from '@cdktf/provider-azurerm/lib/key-vault';
import { KeyVaultAccessPolicyA } from '@cdktf/provider-azurerm/lib/key-vault-access-policy';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import type { GrantScope, KeyVaultAuthorization, KeyVaultObjectType, KeyVaultSku } from '../enums';
import { BUILT_IN_ROLES, grantRole, keyVaultObjectScope, keyVaultReadRole, roleSlug, type IPrincipal } from './role-assignment';

/** The private DNS zone Key Vault private endpoints resolve through (public cloud). */
export const KEY_VAULT_PRIVATE_DNS_ZONE = 'privatelink.vaultcore.azure.net';

/** One object in a vault, as the Secrets Store CSI driver names it. */
export interface KeyVaultObjectRef {
  /** Object name in the vault. */
  readonly name: string;
  /** Object type. @default 'secret' */
  readonly type?: KeyVaultObjectType;
}

export interface GrantReadOptions {
  /**
   * Where the grant applies: `vault` (one assignment per role, on the vault) or `object` (one assignment per
   * object, scoped to that object). `object` needs RBAC authorization: access policies are vault-wide.
   * @default 'vault'
   */
  readonly scope?: GrantScope;
}

/** What `grantRead` created: role assignments (RBAC vault) or one access policy (access-policy vault). */
export interface KeyVaultReadGrant {
  readonly roleAssignments: RoleAssignment[];
  readonly accessPolicy?: KeyVaultAccessPolicyA;
}

/** A vault's data-plane URI in the Azure public cloud, from its name (nothing is looked up). */
export function vaultUriFor(name: string): string {
  return `https://${name}.vault.azure.net/`;
}

/** A vault this app created or one it references by ID. */
export interface IKeyVault {
  /** Resource ID. */
  readonly id: string;
  /** Vault name (what a SecretProviderClass's `keyvaultName` carries). */
  readonly name: string;
  /** Tenant the vault authenticates against. */
  readonly tenantId: string;
  /** How the vault authorizes data-plane access. */
  readonly authorization: KeyVaultAuthorization;
  /** Data-plane endpoint, `https://<name>.vault.azure.net/` (Service Connector's AZURE_KEYVAULT_RESOURCEENDPOINT). */
  readonly vaultUri: string;
  /** Lets `grantee` read `objects` (names are secrets unless typed), with the least privilege the vault supports. */
  grantRead(grantee: IPrincipal, objects: (string | KeyVaultObjectRef)[], options?: GrantReadOptions): KeyVaultReadGrant;
  /**
   * Key Vault Administrator on the vault for an Entra ID group: the people (or pipeline) who write the secrets,
   * keys and certificates the workloads read. RBAC vaults only.
   */
  grantAdministration(groupObjectId: string, name: string): RoleAssignment;
}

/** Shared grant logic for created and referenced vaults. Grants are children of the vault construct. */
abstract class KeyVaultBase extends Construct implements IKeyVault {
  abstract readonly id: string;
  abstract readonly name: string;
  abstract readonly tenantId: string;
  abstract readonly authorization: KeyVaultAuthorization;
  abstract readonly vaultUri: string;

  grantAdministration(groupObjectId: string, name: string): RoleAssignment {
    if (this.authorization !== 'rbac') {
      throw new Error(`${this.node.path}: grantAdministration needs an RBAC vault (authorization is ${this.authorization}; allowed: rbac)`);
    }
    return grantRole(this, `admin-${name}`, { scope: this.id, principalId: groupObjectId, role: BUILT_IN_ROLES.keyVaultAdministrator, principalType: 'Group' });
  }

  grantRead(grantee: IPrincipal, objects: (string | KeyVaultObjectRef)[], options: GrantReadOptions = {}): KeyVaultReadGrant {
    const refs = objects.map((o) => (typeof o === 'string' ? { name: o, type: 'secret' as const } : { name: o.name, type: o.type ?? 'secret' }));
    if (refs.length === 0) throw new Error(`${this.node.path}: grantRead(${grantee.principalName}): objects is empty (allowed: one or more object names)`);
    const scope = options.scope ?? 'vault';
    const who = `read-${grantee.principalName}`;

    if (this.authorization === 'accessPolicy') {
      if (scope === 'object') {
        throw new Error(
          `${this.node.path}: grantRead(${grantee.principalName}): scope "object" needs an RBAC vault; access policies apply to the whole vault (got authorization "accessPolicy"; allowed scope "vault")`,
        );
      }
      // The seed's access-policy path: `get` on exactly the object types read, nothing else (no list).
      const types = new Set(refs.map((r) => r.type));
      const accessPolicy = new KeyVaultAccessPolicyA(this, who, {
        keyVaultId: this.id,
        tenantId: this.tenantId,
        objectId: grantee.principalId,
        secretPermissions: types.has('secret') ? ['Get'] : [],
        keyPermissions: types.has('key') ? ['Get'] : [],
        certificatePermissions: types.has('cert') ? ['Get'] : [],
      });
      return { roleAssignments: [], accessPolicy };
    }

    const roleAssignments: RoleAssignment[] = [];
    if (scope === 'vault') {
      const roles = [...new Set(refs.map((r) => keyVaultReadRole(r.type)))].sort();
      for (const role of roles) {
        roleAssignments.push(grantRole(this, `${who}-${roleSlug(role)}`, { scope: this.id, principalId: grantee.principalId, role }));
      }
    } else {
      for (const r of refs) {
        const role = keyVaultReadRole(r.type);
        roleAssignments.push(
          grantRole(this, `${who}-${r.type}-${r.name}`, { scope: keyVaultObjectScope(this.id, r.type, r.name), principalId: grantee.principalId, role }),
        );
      }
    }
    return { roleAssignments };
  }
}

/** Network rules for a vault's public endpoint. */
export interface KeyVaultNetworkRules {
  /** What happens to traffic no rule allows. @default 'Deny' */
  readonly defaultAction?: 'Allow' | 'Deny';
  /** Let trusted Azure services through. @default 'AzureServices' */
  readonly bypass?: 'AzureServices' | 'None';
  /** Allowed public IPs or CIDRs. @default [] */
  readonly ipRules?: string[];
  /** Allowed subnets (each needs the Microsoft.KeyVault service endpoint). @default [] */
  readonly subnetIds?: string[];
}

/** A private endpoint for the vault, with DNS through `privatelink.vaultcore.azure.net`. */
export interface KeyVaultPrivateEndpointProps {
  /** Subnet the endpoint's NIC goes in. */
  readonly subnetId: string;
  /**
   * An existing `privatelink.vaultcore.azure.net` zone to register in (a hub's shared zone).
   * @default - a zone is created in the vault's resource group
   */
  readonly privateDnsZoneId?: string;
  /** VNets to link the created zone to (ignored with `privateDnsZoneId`). @default [] */
  readonly virtualNetworkIds?: string[];
}

export interface KeyVaultProps {
  /** Vault name, globally unique: 3-24 letters, digits and hyphens. Forces replacement. */
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** Entra ID tenant. */
  readonly tenantId: string;
  /** Data-plane authorization. @default 'rbac' */
  readonly authorization?: KeyVaultAuthorization;
  /** @default 'standard' */
  readonly sku?: KeyVaultSku;
  /** Purge protection: deleted objects cannot be purged before retention ends. Cannot be turned off once on. @default true */
  readonly purgeProtection?: boolean;
  /** Soft-delete retention in days, 7-90. Forces replacement. @default 90 */
  readonly softDeleteRetentionDays?: number;
  /** Public endpoint on (subject to `networkRules`). Off means private endpoints only. @default true */
  readonly publicNetworkAccess?: boolean;
  /** Rules for the public endpoint. @default deny all but trusted Azure services */
  readonly networkRules?: KeyVaultNetworkRules;
  /** A private endpoint. @default - none */
  readonly privateEndpoint?: KeyVaultPrivateEndpointProps;
  /** Log Analytics workspace to send audit logs and metrics to. @default - no diagnostic setting */
  readonly logAnalyticsWorkspaceId?: string;
  /** Terraform `prevent_destroy`: a plan that would delete the vault fails. @default true */
  readonly preventDestroy?: boolean;
  /** Tags. @default {} */
  readonly tags?: Record<string, string>;
}

const NAME_RE = /^(?!.*--)[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/;

/**
 * A Key Vault with the baseline's settings: RBAC authorization, purge protection, 90-day soft delete, a public
 * endpoint that denies all but trusted Azure services and listed networks (or no public endpoint), optional private
 * endpoint, audit logs to Log Analytics, and `prevent_destroy` (a vault holds data; losing it is the worst outcome).
 */
export class KeyVault extends KeyVaultBase {
  /** A vault created elsewhere, by resource ID (`/subscriptions/…/providers/Microsoft.KeyVault/vaults/<name>`). */
  static fromVaultId(scope: Construct, id: string, props: ExistingKeyVaultProps): IKeyVault {
    return new ExistingKeyVault(scope, id, props);
  }

  readonly resource: KeyVaultResource;
  readonly privateEndpoint?: PrivateEndpoint;
  readonly diagnostics?: MonitorDiagnosticSetting;
  readonly authorization: KeyVaultAuthorization;
  readonly tenantId: string;

  constructor(scope: Construct, id: string, props: KeyVaultProps) {
    super(scope, id);
    if (!Token.isUnresolved(props.name) && !NAME_RE.test(props.name)) {
      throw new Error(`${this.node.path}: name "${props.name}" is not a valid Key Vault name (allowed: 3-24 letters, digits and hyphens, starting with a letter, no "--")`);
    }
    const retention = props.softDeleteRetentionDays ?? 90;
    if (!Token.isUnresolved(retention) && (!Number.isInteger(retention) || retention < 7 || retention > 90)) {
      throw new Error(`${this.node.path}: softDeleteRetentionDays ${retention} is out of range (allowed: 7-90)`);
    }
    this.authorization = props.authorization ?? 'rbac';
    this.tenantId = props.tenantId;
    const rules = props.networkRules ?? {};
    const tags = props.tags ?? {};

    this.resource = new KeyVaultResource(this, 'vault', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tenantId: props.tenantId,
      skuName: props.sku ?? 'standard',
      rbacAuthorizationEnabled: this.authorization === 'rbac',
      purgeProtectionEnabled: props.purgeProtection ?? true,
      softDeleteRetentionDays: retention,
      publicNetworkAccessEnabled: props.publicNetworkAccess ?? true,
      networkAcls: {
        defaultAction: rules.defaultAction ?? 'Deny',
        bypass: rules.bypass ?? 'AzureServices',
        ipRules: rules.ipRules ?? [],
        virtualNetworkSubnetIds: rules.subnetIds ?? [],
      },
      tags,
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });

    const pe = props.privateEndpoint;
    if (pe) {
      let zoneId = pe.privateDnsZoneId;
      if (!zoneId) {
        const zone = new PrivateDnsZone(this, 'private-dns-zone', { name: KEY_VAULT_PRIVATE_DNS_ZONE, resourceGroupName: props.resourceGroupName, tags });
        (pe.virtualNetworkIds ?? []).forEach((vnetId, i) => {
          new PrivateDnsZoneVirtualNetworkLink(this, `private-dns-link-${i}`, {
            name: `link-${props.name}-${i}`,
            resourceGroupName: props.resourceGroupName,
            privateDnsZoneName: zone.name,
            virtualNetworkId: vnetId,
            registrationEnabled: false,
            tags,
          });
        });
        zoneId = zone.id;
      }
      this.privateEndpoint = new PrivateEndpoint(this, 'private-endpoint', {
        name: `pe-${props.name}`,
        resourceGroupName: props.resourceGroupName,
        location: props.location,
        subnetId: pe.subnetId,
        privateServiceConnection: {
          name: `psc-${props.name}`,
          privateConnectionResourceId: this.resource.id,
          subresourceNames: ['vault'],
          isManualConnection: false,
        },
        privateDnsZoneGroup: { name: 'vault', privateDnsZoneIds: [zoneId] },
        tags,
      });
    }

    if (props.logAnalyticsWorkspaceId) {
      this.diagnostics = new MonitorDiagnosticSetting(this, 'diagnostics', {
        name: `diag-${props.name}`,
        targetResourceId: this.resource.id,
        logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
        enabledLog: [{ categoryGroup: 'allLogs' }], // every category, the audit group (AuditEvent) included
        enabledMetric: [{ category: 'AllMetrics' }],
      });
    }
  }

  get id(): string {
    return this.resource.id;
  }

  get name(): string {
    return this.resource.name;
  }

  /** Vault URI (`https://<name>.vault.azure.net/`). */
  get vaultUri(): string {
    return this.resource.vaultUri;
  }
}

export interface ExistingKeyVaultProps {
  /** Resource ID of the vault. */
  readonly vaultId: string;
  /** Tenant of the vault. */
  readonly tenantId: string;
  /** How that vault authorizes data-plane access (Azure does not say at synth time). @default 'rbac' */
  readonly authorization?: KeyVaultAuthorization;
}

const VAULT_ID_RE = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.KeyVault\/vaults\/([^/]+)$/i;

/** A vault referenced by ID: creates nothing itself; grants on it are created here. */
class ExistingKeyVault extends KeyVaultBase {
  readonly id: string;
  readonly name: string;
  readonly vaultUri: string;
  readonly tenantId: string;
  readonly authorization: KeyVaultAuthorization;

  constructor(scope: Construct, id: string, props: ExistingKeyVaultProps) {
    super(scope, id);
    const m = VAULT_ID_RE.exec(props.vaultId);
    if (!m) {
      throw new Error(`${this.node.path}: vaultId "${props.vaultId}" is not a Key Vault resource ID (allowed: /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<name>)`);
    }
    this.id = props.vaultId;
    this.name = m[1];
    this.vaultUri = vaultUriFor(m[1]);
    this.tenantId = props.tenantId;
    this.authorization = props.authorization ?? 'rbac';
  }
}
