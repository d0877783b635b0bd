import { Construct } from 'constructs';
import { Firewall } from '@cdktf/provider-azurerm/lib/firewall';
import { FirewallPolicy } from '@cdktf/provider-azurerm/lib/firewall-policy';
import { FirewallPolicyRuleCollectionGroup } from '@cdktf/provider-azurerm/lib/firewall-policy-rule-collection-group';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';

/** An application rule: FQDNs or FQDN tags over HTTP/HTTPS. */
export interface FirewallApplicationRule {
  readonly name: string;
  readonly sourceAddresses: string[];
  /** Destination FQDNs (`*.example.com` allowed). @default [] */
  readonly fqdns?: string[];
  /** FQDN tags such as `AzureKubernetesService`. @default [] */
  readonly fqdnTags?: string[];
  /** @default ['Https'] */
  readonly protocols?: ('Https' | 'Http')[];
}

/** A network rule: addresses, service tags or FQDNs (FQDNs need the DNS proxy) with ports. */
export interface FirewallNetworkRule {
  readonly name: string;
  readonly sourceAddresses: string[];
  readonly protocols: ('TCP' | 'UDP' | 'ICMP' | 'Any')[];
  readonly destinationPorts: string[];
  /** CIDRs, IPs or service tags (`AzureCloud.koreacentral`). @default [] */
  readonly destinationAddresses?: string[];
  /** @default [] */
  readonly destinationFqdns?: string[];
}

/** One rule collection group: its application and network rules (each kind one Allow collection). */
export interface FirewallRuleGroup {
  /** Group name, unique in the policy. */
  readonly name: string;
  /** 100-65000; lower is evaluated first. */
  readonly priority: number;
  /** @default [] */
  readonly applicationRules?: FirewallApplicationRule[];
  /** @default [] */
  readonly networkRules?: FirewallNetworkRule[];
}

export interface EgressFirewallProps {
  /** Firewall name; the policy is `<name>-policy`, the public IP `pip-<name>`. */
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** The `AzureFirewallSubnet` (a /26 or larger). */
  readonly subnetId: string;
  /** @default 'Standard' */
  readonly sku?: 'Standard' | 'Premium';
  /** @default ['1','2','3'] */
  readonly zones?: string[];
  /** DNS proxy (FQDNs in network rules need it). @default true */
  readonly dnsProxy?: boolean;
  /** @default 'Deny' */
  readonly threatIntelMode?: 'Alert' | 'Deny' | 'Off';
  /** Intrusion detection, Premium only. @default 'Deny' on Premium */
  readonly idpsMode?: 'Alert' | 'Deny' | 'Off';
  /** Rule collection groups. @default [] */
  readonly ruleGroups?: FirewallRuleGroup[];
  /** Workspace for the firewall's logs and metrics (resource-specific tables). @default - no diagnostic setting */
  readonly logAnalyticsWorkspaceId?: string;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * An Azure Firewall with a firewall policy (threat intelligence, IDPS on Premium, DNS proxy), a zonal Standard public
 * IP, rule collection groups, and diagnostics to the workspace.
 */
export class EgressFirewall extends Construct {
  readonly firewall: Firewall;
  readonly policy: FirewallPolicy;
  readonly publicIp: PublicIp;
  readonly ruleGroups: FirewallPolicyRuleCollectionGroup[] = [];

  constructor(scope: Construct, id: string, props: EgressFirewallProps) {
    super(scope, id);
    const sku = props.sku ?? 'Standard';
    const tags = props.tags ?? {};
    const zones = props.zones ?? ['1', '2', '3'];
    if (props.idpsMode === 'Alert' && sku !== 'Premium') {
      throw new Error(`${this.node.path}: idpsMode ${props.idpsMode} needs sku Premium (got sku ${sku})`);
    }
    this.publicIp = new PublicIp(this, 'public-ip', {
      name: `pip-${props.name}`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      allocationMethod: 'Static',
      sku: 'Standard',
      zones,
      tags,
    });
    this.policy = new FirewallPolicy(this, 'policy', {
      name: `${props.name}-policy`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku,
      threatIntelligenceMode: props.threatIntelMode ?? 'Deny',
      dns: { proxyEnabled: props.dnsProxy ?? true },
      intrusionDetection: sku === 'Premium' ? { mode: props.idpsMode ?? 'Deny' } : undefined,
      tags,
    });
    this.firewall = new Firewall(this, 'firewall', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      skuName: 'AZFW_VNet',
      skuTier: sku,
      firewallPolicyId: this.policy.id,
      zones,
      ipConfiguration: [{ name: 'ipconfig', subnetId: props.subnetId, publicIpAddressId: this.publicIp.id }],
      tags,
    });
    const names = new Set<string>();
    for (const g of props.ruleGroups ?? []) {
      if (names.has(g.name)) throw new Error(`${this.node.path}: duplicate rule collection group ${g.name} (allowed: unique names)`);
      names.add(g.name);
      const app = g.applicationRules ?? [];
      const net = g.networkRules ?? [];
      this.ruleGroups.push(
        new FirewallPolicyRuleCollectionGroup(this, `rules-${g.name}`, {
          name: g.name,
          firewallPolicyId: this.policy.id,
          priority: g.priority,
          networkRuleCollection: net.length
            ? [
                {
                  name: `${g.name}-network`,
                  priority: 100,
                  action: 'Allow',
                  rule: net.map((r) => ({
                    name: r.name,
                    protocols: r.protocols,
                    sourceAddresses: r.sourceAddresses,
                    destinationPorts: r.destinationPorts,
                    destinationAddresses: r.destinationAddresses?.length ? r.destinationAddresses : undefined,
                    destinationFqdns: r.destinationFqdns?.length ? r.destinationFqdns : undefined,
                  })),
                },
              ]
            : undefined,
          applicationRuleCollection: app.length
            ? [
                {
                  name: `${g.name}-application`,
                  priority: 200,
                  action: 'Allow',
                  rule: app.map((r) => ({
                    name: r.name,
                    sourceAddresses: r.sourceAddresses,
                    destinationFqdns: r.fqdns?.length ? r.fqdns : undefined,
                    destinationFqdnTags: r.fqdnTags?.length ? r.fqdnTags : undefined,
                    protocols: (r.protocols ?? ['Https']).map((p) => ({ type: p, port: p === 'Https' ? 443 : 80 })),
                  })),
                },
              ]
            : undefined,
          // Groups in one policy are written one at a time (Azure refuses concurrent policy updates).
          dependsOn: this.ruleGroups.length ? [this.ruleGroups[this.ruleGroups.length - 1]] : undefined,
        }),
      );
    }
    if (props.logAnalyticsWorkspaceId) {
      new MonitorDiagnosticSetting(this, 'diagnostics', {
        name: `diag-${props.name}`,
        targetResourceId: this.firewall.id,
        logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
        logAnalyticsDestinationType: 'Dedicated',
        enabledLog: [{ categoryGroup: 'allLogs' }],
        enabledMetric: [{ category: 'AllMetrics' }],
      });
    }
  }

  /** The firewall's private IP (the next hop of the spoke's default route). */
  get privateIp(): string {
    return this.firewall.ipConfiguration.get(0).privateIpAddress;
  }

  /** The firewall's public IP address (egress SNAT address). */
  get publicIpAddress(): string {
    return this.publicIp.ipAddress;
  }
}
