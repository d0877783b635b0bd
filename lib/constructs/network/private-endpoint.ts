import { Construct } from 'constructs';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { zoneNameOfId } from '../../azure/network-roles';

export interface PrivateDnsZonesProps {
  /** Resource group for the zones this construct creates. */
  readonly resourceGroupName: string;
  /**
   * Existing zones by resource ID (central DNS in a hub), matched by zone name: for those, no zone and no link is
   * created. @default []
   */
  readonly existingZoneIds?: string[];
  /** VNets every created zone is linked to (the spoke, the hub, or both). @default [] */
  readonly linkVirtualNetworkIds?: string[];
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * The private DNS zones of an environment's private endpoints: each zone is created once (construct ID
 * `zone-<zone name>`, links `zone-<zone name>-link-<n>`) and shared by every endpoint that resolves through it, or
 * taken from `existingZoneIds` by name.
 */
export class PrivateDnsZones extends Construct {
  private readonly existing = new Map<string, string>();
  private readonly created = new Map<string, PrivateDnsZone>();
  private readonly props: PrivateDnsZonesProps;

  constructor(scope: Construct, id: string, props: PrivateDnsZonesProps) {
    super(scope, id);
    this.props = props;
    for (const zoneId of props.existingZoneIds ?? []) this.existing.set(zoneNameOfId(zoneId), zoneId);
  }

  /**
   * The ID of the zone named `zoneName`: an existing one, or one created here (linked to the configured VNets and
   * to `extraLinks`).
   */
  zoneId(zoneName: string, extraLinks: string[] = []): string {
    const given = this.existing.get(zoneName.toLowerCase());
    if (given) return given;
    let zone = this.created.get(zoneName);
    if (!zone) {
      const tags = this.props.tags ?? {};
      zone = new PrivateDnsZone(this, `zone-${zoneName}`, { name: zoneName, resourceGroupName: this.props.resourceGroupName, tags });
      this.created.set(zoneName, zone);
      this.link(zoneName, zone, this.props.linkVirtualNetworkIds ?? []);
    }
    this.link(zoneName, zone, extraLinks);
    return zone.id;
  }

  private readonly links = new Map<string, Set<string>>();

  private link(zoneName: string, zone: PrivateDnsZone, vnetIds: string[]): void {
    const done = this.links.get(zoneName) ?? new Set<string>();
    this.links.set(zoneName, done);
    for (const vnetId of vnetIds) {
      if (done.has(vnetId)) continue;
      new PrivateDnsZoneVirtualNetworkLink(this, `zone-${zoneName}-link-${done.size}`, {
        // Unique within the zone; the index keeps it stable and short.
        name: `link-${done.size}`,
        resourceGroupName: this.props.resourceGroupName,
        privateDnsZoneName: zone.name,
        virtualNetworkId: vnetId,
        registrationEnabled: false,
        tags: this.props.tags ?? {},
      });
      done.add(vnetId);
    }
  }

  /** The zones this construct created, by name. */
  get createdZones(): ReadonlyMap<string, PrivateDnsZone> {
    return this.created;
  }
}

export interface ResourcePrivateEndpointProps {
  /** Endpoint name (`pe-<resource>` by convention). */
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** Subnet of the endpoint's network interface. */
  readonly subnetId: string;
  /** The resource the endpoint connects to. */
  readonly resourceId: string;
  /** Its private-link sub-resource (group ID): `registry`, `vault`, `blob`, `prometheusMetrics`, ... */
  readonly subresource: string;
  /** Zones the DNS zone group registers the endpoint's records in (at least one). */
  readonly privateDnsZoneIds: string[];
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * A private endpoint (construct `id` under `scope`, part of its Terraform address) for one resource's sub-resource,
 * with a DNS zone group: Azure writes and removes the A records itself, a registry's data endpoints included.
 */
export function createPrivateEndpoint(scope: Construct, id: string, props: ResourcePrivateEndpointProps): PrivateEndpoint {
  if (props.privateDnsZoneIds.length === 0) {
    throw new Error(`${scope.node.path}/${id}: privateDnsZoneIds is empty (allowed: one or more zone IDs; an endpoint without DNS is unreachable by name)`);
  }
  return new PrivateEndpoint(scope, id, {
    name: props.name,
    resourceGroupName: props.resourceGroupName,
    location: props.location,
    subnetId: props.subnetId,
    privateServiceConnection: {
      name: `psc-${props.name.replace(/^pe-/, '')}`,
      privateConnectionResourceId: props.resourceId,
      subresourceNames: [props.subresource],
      isManualConnection: false,
    },
    privateDnsZoneGroup: { name: props.subresource, privateDnsZoneIds: props.privateDnsZoneIds },
    tags: props.tags ?? {},
  });
}
