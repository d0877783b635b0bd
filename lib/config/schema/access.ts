/**
 * Who may do what in the cluster through Azure RBAC for Kubernetes (the cluster has Entra ID with Azure RBAC on):
 * role assignments at cluster scope and at namespace scope, and teams (a group, its namespaces and its role).
 */
import { z } from 'zod';
import { AKS_ACCESS_ROLES, NAMESPACE_ACCESS_ROLES } from '../../azure/roles';
import { guid } from './common';

const namespaceName = z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
const principalType = z
  .enum(['Group', 'User', 'ServicePrincipal'])
  .default('Group')
  .describe('What principalId is: an Entra ID group, a user or a service principal (managed identities are service principals). Default: Group.');

const clusterRoleSchema = z.strictObject({
  role: z
    .enum(Object.keys(AKS_ACCESS_ROLES) as [keyof typeof AKS_ACCESS_ROLES, ...(keyof typeof AKS_ACCESS_ROLES)[]])
    .describe('clusterAdmin (Azure Kubernetes Service RBAC Cluster Admin), admin (RBAC Admin), writer (RBAC Writer), reader (RBAC Reader) or clusterUser (Azure Kubernetes Service Cluster User Role: lists the user kubeconfig). Required.'),
  principalId: guid.describe('Object ID of the group, user or service principal. Required.'),
  principalType,
});

const namespaceRoleSchema = z.strictObject({
  namespace: namespaceName.describe('The namespace; the assignment scope is <cluster id>/namespaces/<namespace>. Required.'),
  role: z.enum(NAMESPACE_ACCESS_ROLES).describe('admin, writer or reader (Azure Kubernetes Service RBAC Admin / Writer / Reader) in that namespace. Required.'),
  principalId: guid.describe('Object ID of the group, user or service principal. Required.'),
  principalType,
});

export const accessSchema = z.strictObject({
  clusterRoles: z.array(clusterRoleSchema).default([]).describe('Azure RBAC role assignments on the cluster. Default: none.'),
  namespaceRoles: z.array(namespaceRoleSchema).default([]).describe('Azure RBAC role assignments on one namespace each. Default: none.'),
});

/** A platform team: its Entra ID group gets a role in its namespaces, which are created with the namespace baseline. */
export const teamSchema = z.strictObject({
  groupId: guid.describe('Object ID of the team\'s Entra ID group. Required.'),
  namespaces: z.array(namespaceName).min(1).describe('The team\'s namespaces: created with the namespace baseline (unless listed in namespaces, which then sets their baseline) and the group gets role in each. Required.'),
  role: z.enum(NAMESPACE_ACCESS_ROLES).default('writer').describe('The group\'s role in its namespaces. Default: writer.'),
  clusterUser: z
    .boolean()
    .default(true)
    .describe('Also give the group Azure Kubernetes Service Cluster User Role on the cluster, which kubelogin needs to fetch the kubeconfig. Default: true.'),
});

export const teamsSchema = z
  .record(z.string().regex(/^[a-z][a-z0-9-]{0,30}$/), teamSchema)
  .default({})
  .describe('Platform teams by name (the shape cdk-eks-blueprints calls teams, done with Azure RBAC). Default: none.');

export type AccessConfig = z.output<typeof accessSchema>;
export type TeamConfig = z.output<typeof teamSchema>;
