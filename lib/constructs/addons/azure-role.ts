import { Construct } from 'constructs';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';

/**
 * The built-in Azure roles the add-ons need, by name (Azure resolves the definition; nobody copies GUIDs):
 * what each is for is said where it is granted.
 */
export const ADDON_ROLES = {
  reader: 'Reader',
  contributor: 'Contributor',
  networkContributor: 'Network Contributor',
  storageBlobDataContributor: 'Storage Blob Data Contributor',
  acrPull: 'AcrPull',
  agcConfigurationManager: 'AppGw for Containers Configuration Manager',
} as const;

export type AddonRole = (typeof ADDON_ROLES)[keyof typeof ADDON_ROLES];

/** One role assignment of a managed identity (principal type ServicePrincipal, which skips AAD replication waits). */
export function grantRole(scope: Construct, id: string, role: AddonRole, principalId: string, onScope: string): RoleAssignment {
  return new RoleAssignment(scope, id, {
    scope: onScope,
    roleDefinitionName: role,
    principalId,
    principalType: 'ServicePrincipal',
    skipServicePrincipalAadCheck: true,
  });
}
