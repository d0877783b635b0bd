import { z } from 'zod';
import {
  API_SERVER_ACCESS,
  CONTROL_PLANE_LOG_CATEGORIES,
  KUBELET_IDENTITY_MODES,
  MAINTENANCE_FREQUENCIES,
  NODE_OS_UPGRADE_CHANNELS,
  SKU_TIERS,
  UPGRADE_CHANNELS,
  WEEK_INDEXES,
  WEEKDAYS,
} from '../../enums';
import { azureResourceId, guid, ipv4Cidr, pattern } from './common';
import { autoscalerProfileSchema } from './autoscaler-profile';
import { clusterSettingsShape } from './cluster-settings';
import { privateEndpointSchema } from './private-endpoint';

/** `2026-12-24T00:00:00Z`: RFC 3339 in UTC, as the maintenance API takes it. */
const rfc3339 = pattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, 'an RFC 3339 UTC time such as 2026-12-24T00:00:00Z');

/** A period in which no maintenance may start (`--not-allowed-dates` / `not_allowed`). */
const notAllowedSchema = z.strictObject({
  start: rfc3339.describe('Start of the blackout (RFC 3339, UTC).'),
  end: rfc3339.describe('End of the blackout (RFC 3339, UTC).'),
});

/**
 * A planned maintenance schedule (`az aks maintenanceconfiguration add --name aksManagedAutoUpgradeSchedule |
 * aksManagedNodeOSUpgradeSchedule`): `maintenance_window_auto_upgrade` / `maintenance_window_node_os`.
 */
const scheduleSchema = z.strictObject({
  enabled: z.boolean().default(true).describe('Emit this window. Without one, AKS upgrades whenever it likes. Default: true.'),
  frequency: z.enum(MAINTENANCE_FREQUENCIES).default('Weekly').describe('Recurrence (`--schedule-type`). Default: Weekly.'),
  interval: z.int().min(1).max(12).default(1).describe('Every N days, weeks or months (`--interval-days|weeks|months`). Default: 1.'),
  weekday: z.enum(WEEKDAYS).default('Saturday').describe('Day for Weekly and RelativeMonthly (`--day-of-week`). Default: Saturday (the AKS baseline).'),
  dayOfMonth: z.int().min(1).max(31).optional().describe('Day for AbsoluteMonthly (`--day-of-month`). Default: none.'),
  weekIndex: z.enum(WEEK_INDEXES).optional().describe('Week for RelativeMonthly (`--week-index`). Default: none.'),
  startHour: z.int().min(0).max(23).default(2).describe('Start hour, 0-23, in utcOffset time (`--start-time`). Default: 2 (the AKS baseline).'),
  durationHours: z.int().min(4).max(24).default(4).describe('Window length in hours, at least 4 (`--duration`). Default: 4.'),
  utcOffset: pattern(/^[+-](0\d|1[0-4]):[0-5]\d$/, 'a UTC offset such as +09:00')
    .default('+00:00')
    .describe('Time zone of startHour (`--utc-offset`). Default: +00:00.'),
  startDate: pattern(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-01-31').optional().describe('First day the window applies (`--start-date`). Default: now.'),
  notAllowed: z.array(notAllowedSchema).default([]).describe('Blackout periods (`--not-allowed-dates`). Default: none.'),
});

/** The classic `default` maintenance configuration (`az aks maintenanceconfiguration add --name default --weekday --start-hour`). */
const defaultWindowSchema = z.strictObject({
  enabled: z.boolean().default(true).describe('Emit `maintenance_window`. Default: true.'),
  weekday: z.enum(WEEKDAYS).default('Saturday').describe('Day (`--weekday`). Default: Saturday (the AKS baseline).'),
  startHour: z.int().min(0).max(23).default(2).describe('Start hour in UTC (`--start-hour`). Default: 2 (the AKS baseline).'),
  durationHours: z.int().min(1).max(24).default(1).describe('Consecutive one-hour slots from startHour, within the day. Default: 1 (what `--start-hour` alone sets).'),
  notAllowed: z.array(notAllowedSchema).default([]).describe('Blackout periods. Default: none.'),
});

/** API server exposure (`--enable-private-cluster`, `--private-dns-zone`, `--api-server-authorized-ip-ranges`). */
const apiServerSchema = z.strictObject({
  access: z
    .enum(API_SERVER_ACCESS)
    .default('private')
    .describe(
      'private: private cluster, API reachable only from the VNet (`--enable-private-cluster`); authorizedRanges: public endpoint limited to authorizedIpRanges; publicUnrestricted: public endpoint open to the internet (a deliberate, visible weakening; refused by nothing, flagged by the baseline). Changing to or from private forces replacement. Default: private.',
    ),
  authorizedIpRanges: z
    .array(ipv4Cidr)
    .default([])
    .describe('Allowed source ranges for access authorizedRanges (`--api-server-authorized-ip-ranges`). Default: none.'),
  privateDnsZone: z
    .union([z.enum(['system', 'none', 'create']), azureResourceId])
    .default('system')
    .describe('Private DNS zone of a private cluster (`--private-dns-zone`): system (AKS-managed), none (with publicFqdn: the public FQDN resolves to the private IP), create (this stack creates privatelink.<region>.azmk8s.io, linked per network.privateDns.linkTo) or a zone resource ID (central DNS). With create or an ID the control-plane identity gets Private DNS Zone Contributor on the zone and Network Contributor on the VNet before the cluster is created, and the cluster uses `dns_prefix_private_cluster` instead of `dns_prefix`. Forces replacement. Default: system.'),
  publicFqdn: z.boolean().default(false).describe('Also publish a public FQDN for a private cluster (`--enable-public-fqdn`). Default: false.'),
  vnetIntegration: z
    .boolean()
    .default(false)
    .describe('API server VNet integration (`--enable-apiserver-vnet-integration`): the API server gets an internal load balancer IP in the network.vnet.subnets entry with role apiServer (delegated to Microsoft.ContainerService/managedClusters), with private or public access. Default: false.'),
});

/** Identities (`--assign-identity`, `--assign-kubelet-identity`). */
const identitySchema = z.strictObject({
  kubelet: z
    .enum(KUBELET_IDENTITY_MODES)
    .default('aksManaged')
    .describe(
      'Kubelet identity (what pulls images): aksManaged (AKS creates it), create (the platform creates a user-assigned identity, the ACR authentication guide\'s fix for the AcrPull delay) or existing (existingKubeletIdentityId). The control-plane identity then gets Managed Identity Operator on it. Forces replacement. Default: aksManaged.',
    ),
  existingKubeletIdentityId: azureResourceId
    .optional()
    .describe('Resource ID of a user-assigned identity, for kubelet: existing (`--assign-kubelet-identity`). Forces replacement. Default: none.'),
});

/** Upgrades (`--auto-upgrade-channel`, `--node-os-upgrade-channel`) and planned maintenance. */
const upgradesSchema = z.strictObject({
  channel: z
    .enum(UPGRADE_CHANNELS)
    .default('stable')
    .describe('Automatic Kubernetes upgrades (`--auto-upgrade-channel`); with a channel, Terraform ignores version drift. none = manual. Default: stable (the AKS baseline).'),
  nodeOsChannel: z
    .enum(NODE_OS_UPGRADE_CHANNELS)
    .default('NodeImage')
    .describe('Node OS updates (`--node-os-upgrade-channel`). Default: NodeImage.'),
  defaultWindow: defaultWindowSchema.prefault({}).describe('The `default` maintenance configuration (`maintenance_window`).'),
  autoUpgradeWindow: scheduleSchema.prefault({}).describe('When automatic Kubernetes upgrades may run (`maintenance_window_auto_upgrade`).'),
  nodeOsWindow: scheduleSchema.prefault({}).describe('When node OS upgrades may run (`maintenance_window_node_os`).'),
});

/** An e-mail address for alert notifications (a plain `local@domain.tld`; no display name). */
const email = pattern(/^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/, 'an e-mail address such as ops@example.com');

/** Prometheus alert rules on the managed Prometheus metrics, and who they notify. */
const alertsSchema = z.strictObject({
  enabled: z
    .boolean()
    .default(true)
    .describe('Recommended AKS Prometheus alert rule groups (node, pod and volume alerts) on the Azure Monitor workspace; only with monitoring.prometheus. Default: true.'),
  emailReceivers: z
    .array(email)
    .default([])
    .describe('E-mail addresses notified by a created action group ag-<cluster>. Empty with no actionGroupId = alerts fire in Azure Monitor without notifying anyone. Default: none.'),
  actionGroupId: azureResourceId
    .optional()
    .describe('Notify this existing action group instead of creating one (then emailReceivers must be empty). Default: none.'),
});

/** Log Analytics, Container Insights, managed Prometheus, Defender, Azure Policy, control-plane diagnostics. */
const monitoringSchema = z.strictObject({
  existingWorkspaceId: azureResourceId
    .optional()
    .describe('Use this Log Analytics workspace instead of creating one (`--workspace-resource-id`). Default: create law-<cluster>.'),
  retentionDays: z.int().min(30).max(730).default(30).describe('Retention of the created workspace. Default: 30.'),
  dailyQuotaGb: z.number().min(0.023).optional().describe('Daily ingestion cap of the created workspace. Default: none.'),
  containerInsights: z.boolean().default(true).describe('Container Insights (`--enable-addons monitoring`): `oms_agent` with MSI auth plus its data collection rule. Default: true.'),
  containerInsightsMsiAuth: z.boolean().default(true).describe('Container Insights authenticates with the add-on\'s managed identity (`msi_auth_for_monitoring_enabled`); false = the legacy workspace-key agent, which the data collection rule does not configure. Default: true.'),
  prometheus: z.boolean().default(true).describe('Managed Prometheus (`--enable-azure-monitor-metrics`): `monitor_metrics`, an Azure Monitor workspace, data collection endpoint, rule and association. Default: true.'),
  existingMonitorWorkspaceId: azureResourceId
    .optional()
    .describe('Send Prometheus metrics to this Azure Monitor workspace (`--azure-monitor-workspace-resource-id`). Default: create amw-<cluster>.'),
  privateEndpoint: privateEndpointSchema
    .optional()
    .describe('A private endpoint for the Azure Monitor workspace the platform creates (sub-resource prometheusMetrics, zone privatelink.<region>.prometheus.monitor.azure.com). Default: none.'),
  alerts: alertsSchema.prefault({}).describe('Prometheus alert rules and their notifications (needs prometheus).'),
  defender: z.boolean().default(true).describe('Microsoft Defender for Containers (`--enable-defender`), reporting to the workspace. Default: true.'),
  azurePolicy: z.boolean().default(true).describe('Azure Policy add-on (`--enable-addons azure-policy`). Default: true.'),
  diagnosticLogs: z
    .array(z.enum(CONTROL_PLANE_LOG_CATEGORIES))
    .default(['kube-apiserver', 'kube-audit', 'kube-controller-manager', 'kube-scheduler', 'cluster-autoscaler'])
    .describe('Control-plane log categories sent to the workspace by a diagnostic setting; empty = no diagnostic setting. Default: the AKS baseline\'s five.'),
  diagnosticMetrics: z.boolean().default(true).describe('Also send AllMetrics. Default: true.'),
});

/** Windows node pools (`--windows-admin-username`, `--enable-ahub`). */
const windowsSchema = z.strictObject({
  adminUsername: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_-]{0,19}$/)
    .default('azureuser')
    .describe('Windows node administrator (`--windows-admin-username`); its password is the Terraform variable windows_admin_password, never in config. Forces replacement. Default: azureuser.'),
  azureHybridBenefit: z
    .boolean()
    .default(false)
    .describe('Azure Hybrid Benefit for Windows nodes (`--enable-ahub`: `windows_profile.license = Windows_Server`; cluster-wide in Azure). Default: false.'),
});

/**
 * The AKS cluster. Replacement-forcing fields say so: changing them destroys and recreates the cluster.
 */
export const clusterSchema = z.strictObject({
  name: z.string().optional().describe('Cluster name. Forces replacement. Default: aks-<project>-<environment>.'),
  dnsPrefix: z.string().optional().describe('API server DNS prefix. Forces replacement. Default: the cluster name.'),
  kubernetesVersion: z
    .string()
    .regex(/^\d+\.\d+(\.\d+)?$/)
    .optional()
    .describe('Kubernetes version (`--kubernetes-version`), e.g. 1.32.9; with an upgrade channel only the starting version. Default: the AKS default version at creation.'),
  skuTier: z.enum(SKU_TIERS).default('Standard').describe('Control-plane tier (`--tier`): Standard has the uptime SLA. Default: Standard.'),
  adminGroupObjectIds: z
    .array(guid)
    .default([])
    .describe('Entra ID groups AKS binds to the Kubernetes cluster-admin role (`admin_group_object_ids`, `--aad-admin-group-object-ids`); no Azure role assignment is created for them (use access.clusterRoles for Azure RBAC roles such as Azure Kubernetes Service RBAC Cluster Admin). Required (at least one) with the production preset: local accounts are off, so nobody else can administer the cluster. Default: none.'),
  identity: identitySchema.prefault({}).describe('Control-plane and kubelet identities. The control plane always uses a user-assigned identity (id-<cluster>).'),
  apiServer: apiServerSchema.prefault({}).describe('How the API server is reachable.'),
  autoscalerProfile: autoscalerProfileSchema.prefault({}).describe('Cluster autoscaler profile (`auto_scaler_profile`).'),
  upgrades: upgradesSchema.prefault({}).describe('Upgrade channels and maintenance windows.'),
  secretRotationInterval: z
    .string()
    .regex(/^\d+[smh]$/)
    .default('2m')
    .describe('Key Vault secrets provider rotation poll interval (`--rotation-poll-interval`), with secretRotationEnabled. Default: 2m.'),
  monitoring: monitoringSchema.prefault({}).describe('Observability and governance add-ons.'),
  windows: windowsSchema.prefault({}).describe('Settings for Windows node pools (used only when a pool has kind windows).'),
  ...clusterSettingsShape,
});

export type ClusterInput = z.output<typeof clusterSchema>;
export type MaintenanceScheduleInput = z.output<typeof scheduleSchema>;
