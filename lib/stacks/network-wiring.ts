/**
 * The landing-zone network of the infra stack, from the configuration: the spoke VNet (created or brought) and its
 * role subnets, their network security groups, the firewall route table, hub peering, an egress firewall, private
 * DNS zones, private endpoints and VNet flow logs. Wiring only: each Azure concept is a construct under
 * lib/constructs/network/.
 *
 * Other wiring reuses it through `SpokeNetwork`: `subnetId(role)` / `subnetIdByName(name)` for a subnet, and
 * `addPrivateEndpoint(...)` for a private endpoint with its DNS zone group on any resource.
 */
import type { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import type { ResolvedEnvironment } from '../config';
import {
  ROLE_NSG_RULES,
  SUBNET_JOIN_ACTION,
  SUBNET_ROLE_FACTS,
  parseResourceId,
  privateDnsZoneName,
  type NsgRule,
  type PrivateLinkSubresource,
  type SubnetRole,
} from '../azure/network-roles';
import { firewallRoute, plannedSubnets, routesToFirewall, type PlannedSubnet } from '../config/network-plan';
import type { PrivateEndpointConfig } from '../config/schema/private-endpoint';
import { VirtualNetwork, subnetConfig } from '../constructs/virtual-network';
import { EgressFirewall } from '../constructs/network/egress-firewall';
import { FirewallRouteTable } from '../constructs/network/firewall-route-table';
import { HubPeering } from '../constructs/network/hub-peering';
import { PrivateDnsZones, createPrivateEndpoint } from '../constructs/network/private-endpoint';
import type { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { SubnetNsg } from '../constructs/network/subnet-nsg';
import { VnetFlowLog } from '../constructs/network/vnet-flow-log';
import { aksEgressRuleGroups } from './firewall-rules';

/** Where the spoke lives: resource group, region, tags. */
export interface SpokeWhere {
  readonly resourceGroupName: string;
  readonly location: string;
  readonly tags: Record<string, string>;
}

/** What `addPrivateEndpoint` needs: the resource, its sub-resource and where the endpoint goes. */
export interface PrivateEndpointRequest {
  /** Endpoint name. @default `pe-<resource name>` (`-<subresource>` added for a second sub-resource) */
  readonly name?: string;
  /** The resource's ID (a reference or a literal). */
  readonly resourceId: string;
  /** Its resource name, for the endpoint name. */
  readonly resourceName: string;
  /** The private-link sub-resource (group ID). */
  readonly subresource: PrivateLinkSubresource;
  /** The configuration block (subnet, subnetId, privateDnsZoneId, virtualNetworkIds). @default {} */
  readonly config?: Partial<PrivateEndpointConfig>;
}

/**
 * The spoke network of one environment. Built in phases, because the stack builds its parts in order: `create`
 * (VNet and subnets, before anything references them), `secure` (after the Log Analytics workspace: NSGs, firewall,
 * routes, peering, DNS zones, flow logs), then endpoints and cluster grants as their resources appear.
 */
export class SpokeNetwork {
  /** The VNet the platform created (not with a bring-your-own VNet or node subnet). */
  readonly vnet?: VirtualNetwork;
  /** The spoke VNet's ID (created, brought, or the one the existing node subnet belongs to). */
  readonly virtualNetworkId?: string;
  /** The cluster's node subnet (created or given). */
  readonly nodeSubnetId: string;
  /** The firewall this stack created, if any. */
  firewall?: EgressFirewall;
  /** The route table sending 0.0.0.0/0 to the firewall, if any. */
  routeTable?: FirewallRouteTable;
  /** The private DNS zones of the endpoints (created, or central by ID). */
  zones?: PrivateDnsZones;
  private readonly subnets = new Map<string, { planned: PlannedSubnet; id: string; resource?: Subnet }>();
  private readonly endpoints = new Map<string, PrivateEndpoint>();

  constructor(
    private readonly scope: Construct,
    private readonly env: ResolvedEnvironment,
    private readonly where: SpokeWhere,
    /** Service endpoints the node subnet needs for the firewalls that admit it (vault, backup). */
    nodeServiceEndpoints: string[] | undefined,
  ) {
    const n = env.network;
    const planned = plannedSubnets(env);
    if (!n.existingNodeSubnetId && !n.vnet.existingId) {
      this.vnet = new VirtualNetwork(scope, 'network', {
        ...where,
        name: env.names.virtualNetwork,
        addressSpace: [n.vnet.addressSpace],
        dnsServers: n.vnet.dnsServers,
      });
      this.virtualNetworkId = this.vnet.resource.id;
    } else {
      this.virtualNetworkId = n.vnet.existingId ?? n.existingNodeSubnetId?.replace(/\/subnets\/[^/]+$/, '');
    }
    const byo = n.vnet.existingId ? parseResourceId(n.vnet.existingId) : undefined;
    for (const s of planned) {
      if (s.existingId) {
        this.subnets.set(s.name, { planned: s, id: s.existingId });
        continue;
      }
      const facts = SUBNET_ROLE_FACTS[s.role];
      const set = s.settings;
      const endpoints = [...(s.clusterNodes ? (nodeServiceEndpoints ?? []) : []), ...(set?.serviceEndpoints ?? [])];
      const options = {
        name: s.name,
        addressPrefix: s.cidr!,
        // Service delegations with the join action Azure itself adds, so the plan shows no drift after AKS or AGC
        // takes the subnet.
        delegation: facts.delegation
          ? { name: s.role, serviceDelegation: { name: facts.delegation, actions: [SUBNET_JOIN_ACTION] } }
          : undefined,
        serviceEndpoints: endpoints.length ? [...new Set(endpoints)] : undefined,
        privateEndpointNetworkPolicies: set?.privateEndpointNetworkPolicies ?? (s.role === 'privateEndpoints' ? 'Enabled' : undefined),
        privateLinkServiceNetworkPoliciesEnabled: set?.privateLinkServiceNetworkPolicies,
        // The implicit node subnet keeps the provider default; declared subnets say it.
        defaultOutboundAccessEnabled: set ? set.defaultOutboundAccess : undefined,
      };
      let resource: Subnet;
      if (this.vnet) {
        resource = this.vnet.addSubnet(options);
      } else {
        resource = new Subnet(scope, `subnet-${s.name}`, subnetConfig(options, byo!.resourceGroupName, byo!.name));
      }
      this.subnets.set(s.name, { planned: s, id: resource.id, resource });
    }
    this.nodeSubnetId = [...this.subnets.values()].find((s) => s.planned.clusterNodes)!.id;
  }

  /** The ID of the first subnet with this role, if any. */
  subnetId(role: SubnetRole): string | undefined {
    return [...this.subnets.values()].find((s) => s.planned.role === role)?.id;
  }

  /** The IDs of every subnet with this role, by subnet name. */
  subnetIds(role: SubnetRole): Record<string, string> {
    return Object.fromEntries([...this.subnets.values()].filter((s) => s.planned.role === role).map((s) => [s.planned.name, s.id]));
  }

  /** A subnet's ID by its name in network.vnet.subnets (or the node subnet's name). */
  subnetIdByName(name: string): string | undefined {
    return this.subnets.get(name)?.id;
  }

  /** The CIDRs egress comes from (node, pod and jump box subnets), for firewall rules; the VNet range when unknown. */
  egressSources(): string[] {
    const cidrs = [...this.subnets.values()].filter((s) => s.planned.cidr && SUBNET_ROLE_FACTS[s.planned.role].routesToFirewall).map((s) => s.planned.cidr!);
    if (cidrs.length) return cidrs;
    return this.vnet ? [this.env.network.vnet.addressSpace] : ['*'];
  }

  /**
   * Phase two, once the Log Analytics workspace exists: network security groups, the egress firewall and its
   * route table, hub peering, the private DNS zones and VNet flow logs.
   */
  secure(logAnalytics: { id: string; workspaceGuid?: string }): this {
    const { scope, env, where } = this;
    const n = env.network;
    for (const { planned: s, id } of this.subnets.values()) {
      if (s.existingId || !s.settings || !s.settings.nsg.enabled || SUBNET_ROLE_FACTS[s.role].noNsg) continue;
      const user: NsgRule[] = s.settings.nsg.rules.map((r) => ({
        name: r.name,
        priority: r.priority,
        direction: r.direction,
        access: r.access,
        protocol: r.protocol,
        sourceAddressPrefix: r.source,
        destinationAddressPrefix: r.destination,
        destinationPortRanges: r.ports,
      }));
      new SubnetNsg(scope, `nsg-${s.name}`, {
        ...where,
        name: `nsg-${s.name}`,
        subnetId: id,
        rules: [...(ROLE_NSG_RULES[s.role] ?? []), ...user],
        logAnalyticsWorkspaceId: logAnalytics.id,
      });
    }

    const route = firewallRoute(env);
    if (route === 'created') {
      const fw = n.egress.firewall!;
      this.firewall = new EgressFirewall(scope, 'firewall', {
        ...where,
        name: `afw-${env.names.cluster}`,
        subnetId: this.subnetId('firewall')!,
        sku: fw.sku,
        zones: fw.zones,
        dnsProxy: fw.dnsProxy,
        threatIntelMode: fw.threatIntelMode,
        idpsMode: fw.idpsMode,
        ruleGroups: aksEgressRuleGroups(env, this.egressSources()),
        logAnalyticsWorkspaceId: logAnalytics.id,
      });
    }
    if (route) {
      const routed = Object.fromEntries([...this.subnets.values()].filter((s) => routesToFirewall(env, s.planned)).map((s) => [s.planned.name, s.id]));
      this.routeTable = new FirewallRouteTable(scope, 'route-table', {
        ...where,
        name: `rt-${env.names.cluster}`,
        firewallPrivateIp: this.firewall ? this.firewall.privateIp : n.egress.firewallPrivateIp!,
        firewallPublicIp: this.firewall?.publicIpAddress,
        subnets: routed,
      });
    }

    if (n.hub && this.virtualNetworkId) {
      const hub = parseResourceId(n.hub.virtualNetworkId);
      const spoke = this.vnet ? { name: this.vnet.name, rg: this.vnet.resourceGroupName } : (() => { const p = parseResourceId(n.vnet.existingId!); return { name: p.name, rg: p.resourceGroupName }; })();
      const otherSubscription = hub.subscriptionId.toLowerCase() !== env.subscriptionId.toLowerCase();
      new HubPeering(scope, 'hub-peering', {
        spokeName: spoke.name,
        spokeResourceGroupName: spoke.rg,
        spokeId: this.virtualNetworkId,
        hubId: n.hub.virtualNetworkId,
        allowForwardedTraffic: n.hub.allowForwardedTraffic,
        useRemoteGateways: n.hub.useRemoteGateways,
        createHubSide: n.hub.createHubSide,
        hubAllowGatewayTransit: n.hub.hubAllowGatewayTransit,
        // The hub side in the hub's own subscription (the connectivity subscription of most landing zones).
        hubProvider:
          n.hub.createHubSide && otherSubscription
            ? new AzurermProvider(scope, 'azurerm-hub', { alias: 'hub', features: [{}], subscriptionId: hub.subscriptionId, tenantId: env.tenantId, storageUseAzuread: true })
            : undefined,
      });
    }

    const links = [
      ...(n.privateDns.linkTo.includes('spoke') && this.virtualNetworkId ? [this.virtualNetworkId] : []),
      ...(n.privateDns.linkTo.includes('hub') && n.hub ? [n.hub.virtualNetworkId] : []),
    ];
    this.zones = new PrivateDnsZones(scope, 'private-dns', {
      resourceGroupName: where.resourceGroupName,
      existingZoneIds: n.privateDns.existingZoneIds,
      linkVirtualNetworkIds: links,
      tags: where.tags,
    });

    if (n.flowLogs?.enabled && this.virtualNetworkId) {
      const f = n.flowLogs;
      new VnetFlowLog(scope, 'flow-log', {
        name: `fl-${env.names.virtualNetwork}`,
        networkWatcherName: f.networkWatcherName ?? `NetworkWatcher_${env.location}`,
        networkWatcherResourceGroupName: f.networkWatcherResourceGroup,
        location: env.location,
        virtualNetworkId: this.virtualNetworkId,
        storageAccountId: f.storageAccountId,
        retentionDays: f.retentionDays,
        trafficAnalytics:
          f.trafficAnalytics && logAnalytics.workspaceGuid
            ? { workspaceId: logAnalytics.workspaceGuid, workspaceRegion: env.location, workspaceResourceId: logAnalytics.id, intervalMinutes: f.intervalMinutes }
            : undefined,
        tags: where.tags,
      });
    }
    return this;
  }

  /** The private DNS zone ID for a zone name: central by ID, or created (and linked) here. */
  privateDnsZoneId(zoneName: string, extraLinks: string[] = []): string {
    if (!this.zones) throw new Error('SpokeNetwork: privateDnsZoneId before secure() (allowed: after the workspace exists)');
    return this.zones.zoneId(zoneName, extraLinks);
  }

  /**
   * A private endpoint with its DNS zone group for any resource's sub-resource. Construct ID `pe-<key>` at the
   * stack's root unless `at` places it (an ID is part of the Terraform address: keep it once deployed). Subnet:
   * `config.subnetId`, else `config.subnet` by name, else the privateEndpoints subnet, else the node subnet. Zone:
   * `config.privateDnsZoneId`, else a central zone by name (network.privateDns.existingZoneIds), else one created
   * here and linked per network.privateDns.linkTo.
   */
  addPrivateEndpoint(key: string, request: PrivateEndpointRequest, at?: { scope: Construct; id: string }): PrivateEndpoint {
    if (this.endpoints.has(key)) throw new Error(`SpokeNetwork: private endpoint ${JSON.stringify(key)} already exists (allowed: a new key)`);
    const c = request.config ?? {};
    const subnetId =
      c.subnetId ?? (c.subnet ? this.subnetIdByName(c.subnet) : undefined) ?? this.subnetId('privateEndpoints') ?? this.nodeSubnetId;
    const zoneId = c.privateDnsZoneId ?? this.privateDnsZoneId(privateDnsZoneName(request.subresource, this.env.location), c.virtualNetworkIds ?? []);
    const pe = createPrivateEndpoint(at?.scope ?? this.scope, at?.id ?? `pe-${key}`, {
      ...this.where,
      name: request.name ?? `pe-${request.resourceName}`,
      subnetId,
      resourceId: request.resourceId,
      subresource: request.subresource,
      privateDnsZoneIds: [zoneId],
    });
    this.endpoints.set(key, pe);
    return pe;
  }

  /**
   * What a cluster with user-defined routing must wait for: the route table associations (AKS checks the default
   * route when it creates the cluster).
   */
  get clusterPrerequisites(): ITerraformDependable[] {
    return this.routeTable?.associations ?? [];
  }

  /** Subnets AKS writes to (nodes, pods, API server, internal load balancer): the control plane needs Network Contributor there. */
  clusterSubnetIds(): Record<string, string> {
    return Object.fromEntries(
      [...this.subnets.values()].filter((s) => SUBNET_ROLE_FACTS[s.planned.role].clusterWrites && !s.planned.clusterNodes).map((s) => [s.planned.name, s.id]),
    );
  }
}
