import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { DashboardGrafana } from '@cdktf/provider-azurerm/lib/dashboard-grafana';
import { BUILT_IN_ROLES, grantRole } from './role-assignment';

/** Grafana roles, by what they may do. */
export type GrafanaRole = 'admin' | 'editor' | 'viewer';
const ROLE = { admin: BUILT_IN_ROLES.grafanaAdmin, editor: BUILT_IN_ROLES.grafanaEditor, viewer: BUILT_IN_ROLES.grafanaViewer } as const;

export interface ManagedGrafanaProps {
  /** Instance name, 2-23 letters, digits and hyphens, starting with a letter. Forces replacement. */
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** Azure Monitor workspaces Grafana reads (it gets Monitoring Data Reader on each). @default [] */
  readonly monitorWorkspaceIds?: readonly string[];
  /** Grafana major version. @default '11' */
  readonly majorVersion?: string;
  /** Zone-redundant instance. Forces replacement. @default true */
  readonly zoneRedundancy?: boolean;
  /** Public endpoint. @default true */
  readonly publicNetworkAccess?: boolean;
  /** Tags. @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * Azure Managed Grafana (Standard) with a system-assigned identity that reads the Azure Monitor workspaces (Managed
 * Prometheus). API keys stay off: people sign in with Entra ID and get roles through `grant`.
 */
export class ManagedGrafana extends Construct {
  readonly resource: DashboardGrafana;

  constructor(scope: Construct, id: string, props: ManagedGrafanaProps) {
    super(scope, id);
    if (!Token.isUnresolved(props.name) && !/^[a-zA-Z][a-zA-Z0-9-]{0,21}[a-zA-Z0-9]$/.test(props.name)) {
      throw new Error(`ManagedGrafana: name "${props.name}" is invalid; allowed: 2-23 letters, digits and hyphens, starting with a letter and ending with a letter or digit`);
    }
    const workspaces = props.monitorWorkspaceIds ?? [];
    this.resource = new DashboardGrafana(this, 'grafana', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku: 'Standard',
      grafanaMajorVersion: props.majorVersion ?? '11',
      zoneRedundancyEnabled: props.zoneRedundancy ?? true,
      publicNetworkAccessEnabled: props.publicNetworkAccess ?? true,
      apiKeyEnabled: false,
      identity: { type: 'SystemAssigned' },
      azureMonitorWorkspaceIntegrations: workspaces.length ? workspaces.map((resourceId) => ({ resourceId })) : undefined,
      tags: props.tags ?? {},
    });
    workspaces.forEach((ws, i) =>
      grantRole(this, `monitoring-data-reader-${i}`, { scope: ws, principalId: this.resource.identity.principalId, role: BUILT_IN_ROLES.monitoringDataReader }),
    );
  }

  get id(): string {
    return this.resource.id;
  }

  /** A Grafana role for a user or group (`key` names the grant in its construct ID). */
  grant(role: GrafanaRole, principalId: string, key: string, principalType: 'User' | 'Group' = 'Group') {
    return grantRole(this, `${role}-${key}`, { scope: this.id, principalId, role: ROLE[role], principalType });
  }
}
