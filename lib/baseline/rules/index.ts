/** Every baseline rule, one file per area, in report order. */
import type { Rule } from '../types';
import { acrRules } from './acr';
import { availabilityRules } from './availability';
import { clusterSecurityRules } from './cluster-security';
import { keyVaultRules } from './key-vault';
import { kubernetesObjectRules } from './kubernetes-objects';
import { monitoringRules } from './monitoring';
import { networkingRules } from './networking';
import { operationsRules } from './operations';
import { reachabilityRules } from './reachability';
import { firewallEgressRules } from './firewall-egress';
import { resourceManagementRules } from './resource-management';
import { storageRules } from './storage';

export const RULES: readonly Rule[] = [
  ...clusterSecurityRules,
  ...networkingRules,
  ...availabilityRules,
  ...resourceManagementRules,
  ...monitoringRules,
  ...operationsRules,
  ...keyVaultRules,
  ...acrRules,
  ...storageRules,
  ...kubernetesObjectRules,
  ...reachabilityRules,
  ...firewallEgressRules,
];

/** Rule IDs, for validating waivers. */
export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));
