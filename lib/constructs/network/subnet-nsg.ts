import { Construct } from 'constructs';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import type { NsgRule } from '../../azure/network-roles';

export interface SubnetNsgProps {
  /** Group name (`nsg-<subnet>` by convention). */
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** The subnet the group is associated with. */
  readonly subnetId: string;
  /** Rules on top of Azure's defaults: the role's own, then the user's. Names and priorities are unique per direction. @default [] */
  readonly rules?: readonly NsgRule[];
  /** Log Analytics workspace for the group's event and rule-counter logs. @default - no diagnostic setting */
  readonly logAnalyticsWorkspaceId?: string;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * A network security group on one subnet: its rules as `azurerm_network_security_rule` resources (one per rule, so
 * a change shows as that rule's change), the association, and diagnostics to the workspace.
 */
export class SubnetNsg extends Construct {
  readonly group: NetworkSecurityGroup;

  constructor(scope: Construct, id: string, props: SubnetNsgProps) {
    super(scope, id);
    const rules = props.rules ?? [];
    const seen = new Set<string>();
    for (const r of rules) {
      for (const key of [`name ${r.name}`, `priority ${r.direction} ${r.priority}`]) {
        if (seen.has(key)) throw new Error(`${this.node.path}: duplicate rule ${key} (allowed: unique names, and unique priorities per direction)`);
        seen.add(key);
      }
    }
    this.group = new NetworkSecurityGroup(this, 'nsg', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tags: props.tags ?? {},
    });
    for (const r of rules) {
      const many = r.destinationPortRanges.length > 1;
      new NetworkSecurityRule(this, `rule-${r.name}`, {
        name: r.name,
        resourceGroupName: props.resourceGroupName,
        networkSecurityGroupName: this.group.name,
        priority: r.priority,
        direction: r.direction,
        access: r.access,
        protocol: r.protocol,
        sourceAddressPrefix: r.sourceAddressPrefix,
        sourcePortRange: '*',
        destinationAddressPrefix: r.destinationAddressPrefix,
        destinationPortRange: many ? undefined : r.destinationPortRanges[0],
        destinationPortRanges: many ? r.destinationPortRanges : undefined,
      });
    }
    new SubnetNetworkSecurityGroupAssociation(this, 'association', { subnetId: props.subnetId, networkSecurityGroupId: this.group.id });
    if (props.logAnalyticsWorkspaceId) {
      new MonitorDiagnosticSetting(this, 'diagnostics', {
        name: `diag-${props.name}`,
        targetResourceId: this.group.id,
        logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
        // NetworkSecurityGroupEvent and NetworkSecurityGroupRuleCounter; network security groups have no metrics.
        enabledLog: [{ categoryGroup: 'allLogs' }],
      });
    }
  }

  get id(): string {
    return this.group.id;
  }
}
