import { Construct } from 'constructs';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { BUILT_IN_ROLES, keyVaultObjectScope, keyVaultReadRole, roleSlug, type BuiltInRole } from '../azure/roles';

export { BUILT_IN_ROLES, keyVaultObjectScope, keyVaultReadRole, roleSlug, type BuiltInRole };

/** Something a role can be granted to. */
export interface IPrincipal {
  /** Entra ID object (principal) ID. */
  readonly principalId: string;
  /**
   * A stable name for the principal, unique among the grantees of one resource: it becomes part of the grant's
   * construct ID (so of its Terraform address). Changing it replaces the grant.
   */
  readonly principalName: string;
}

export interface RoleGrantProps {
  /** Resource ID the role applies to. */
  readonly scope: string;
  /** The principal that gets the role. */
  readonly principalId: string;
  /** The built-in role. */
  readonly role: BuiltInRole;
  /**
   * Principal type. Managed identities are service principals; stating it skips the Entra ID lookup that makes a
   * fresh identity's first assignment fail while it replicates.
   * @default 'ServicePrincipal'
   */
  readonly principalType?: 'ServicePrincipal' | 'User' | 'Group';
}

/**
 * One `azurerm_role_assignment` of a built-in role by name. For service principals (managed identities) the Entra
 * ID existence check is skipped: a freshly created identity may not have replicated yet.
 */
export function grantRole(scope: Construct, id: string, props: RoleGrantProps): RoleAssignment {
  const principalType = props.principalType ?? 'ServicePrincipal';
  return new RoleAssignment(scope, id, {
    scope: props.scope,
    principalId: props.principalId,
    roleDefinitionName: props.role,
    principalType,
    skipServicePrincipalAadCheck: principalType === 'ServicePrincipal' ? true : undefined,
  });
}
