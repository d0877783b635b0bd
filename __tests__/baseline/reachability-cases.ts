/**
 * Passing and failing cases of the Key Vault reachability rules (seed 002), run by rules.test.ts with the others.
 * All are real config (the default platform.yaml with a patch) except where the platform cannot produce the failure
 * at all, which says so and mutates real output.
 */
import type { StackJson } from '../../lib/baseline/stack-model';
import { add, real } from './helpers';

type Stacks = Record<string, StackJson>;
/** One side of a case, as rules.test.ts runs it: how it is built, and the build. */
interface Build {
  readonly how: string;
  readonly build: () => Stacks;
}
export interface ReachabilityCase {
  pass: Build;
  fail: Build;
}
const config = (build: () => Stacks): Build => ({ how: 'config', build });
const mutated = (why: string, build: () => Stacks): Build => ({ how: `mutated: ${why}`, build });

const prod = (p: Record<string, unknown>) => ({ environments: { prod: p } });
/** A vault no workload reads (the config refuses a vault its workloads cannot reach, before any rule runs). */
const noWorkloads = { workloads: null };
const OTHER_SUBNET = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/endpoints';
const EXISTING_NODES = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/nodes';

/** The fixture's prod with a firewall created in its VNet and user-defined routing through it. */
const FIREWALL = {
  network: { outboundType: 'userDefinedRouting', vnet: { subnets: { AzureFirewallSubnet: { role: 'firewall', cidr: '10.232.16.0/26' } } }, egress: { firewall: {} } },
};

export const REACHABILITY_CASES: Record<string, ReachabilityCase> = {
  // Public endpoint off: a private endpoint in the nodes' VNet with the privatelink zone linked to it.
  'AKS-KV-101': {
    pass: config(() => real(prod({ keyVault: { publicNetworkAccess: false, privateEndpoint: {} } }))),
    fail: config(() => real(prod({ ...noWorkloads, keyVault: { publicNetworkAccess: false, privateEndpoint: { subnetId: OTHER_SUBNET } } }))),
  },
  // Firewall default Deny: the node subnet (with its service endpoint), egress IPs or a private endpoint.
  'AKS-KV-102': {
    pass: config(() => real()),
    fail: config(() => real(prod({ ...noWorkloads, keyVault: { networkAcls: { allowNodeSubnet: false } } }))),
  },
  // Locked-down egress must say how Key Vault and Entra ID are reached.
  'AKS-NET-101': {
    pass: config(() => real(prod({ network: { outboundType: 'userDefinedRouting', existingNodeSubnetId: EXISTING_NODES, egress: { keyVault: 'firewall', entraId: 'firewall' } } }))),
    fail: config(() => real(prod({ network: { outboundType: 'userDefinedRouting', existingNodeSubnetId: EXISTING_NODES } }))),
  },
  // A firewall created here: the platform derives its rules from the config, so a missing path is produced by
  // removing the Entra ID rule from real output.
  'AKS-NET-102': {
    pass: config(() => real(prod(FIREWALL))),
    fail: mutated('the platform derives every rule the configuration needs', () => {
      const s = real(prod(FIREWALL));
      const groups = s['prod-infra'].resource!.azurerm_firewall_policy_rule_collection_group as Record<string, Record<string, any>>;
      for (const g of Object.values(groups)) {
        for (const c of g.application_rule_collection ?? []) c.rule = c.rule.filter((r: { name: string }) => r.name !== 'entra-id');
      }
      return s;
    }),
  },
  // The platform always pairs a default-deny egress with DNS and HTTPS allows and never writes to kube-system, so
  // the failure is produced by removing the DNS allow from real output.
  'AKS-K8S-101': {
    pass: config(() => real(prod({ namespaces: { production: { denyAllEgress: true } } }))),
    fail: mutated('the platform always pairs deny-all egress with the DNS allow', () => {
      const s = real(prod({ namespaces: { production: { denyAllEgress: true } } }));
      const pols = s['prod-platform'].resource!.kubernetes_network_policy_v1 as Record<string, Record<string, any>>;
      const dns = Object.keys(pols).find((k) => pols[k].metadata.name === 'allow-dns-egress')!;
      delete pols[dns];
      return s;
    }),
  },
};

/** Failing cases beyond the one per rule: each way the nodes can lose the vault. */
export const MORE_FAILURES: Record<string, [string, () => Stacks][]> = {
  'AKS-KV-102': [['a subnet rule without the service endpoint, even with the public endpoint off (mutated: the platform keeps them together)', () => withBareSubnetRule()]],
  'AKS-KV-101': [
    ['no private endpoint at all', () => real(prod({ ...noWorkloads, keyVault: { publicNetworkAccess: false } }))],
    [
      'the privatelink zone not linked to the nodes\' VNet (mutated: the platform always links it)',
      () => {
        const s = real(prod({ keyVault: { publicNetworkAccess: false, privateEndpoint: {} } }));
        delete s['prod-infra'].resource!.azurerm_private_dns_zone_virtual_network_link;
        return s;
      },
    ],
  ],
  'AKS-NET-101': [
    [
      'Key Vault stated as reached through a private endpoint the vault does not have',
      () => real(prod({ network: { outboundType: 'userDefinedRouting', existingNodeSubnetId: EXISTING_NODES, egress: { keyVault: 'privateEndpoint', entraId: 'firewall' } } })),
    ],
  ],
  'AKS-K8S-101': [
    [
      'a NetworkPolicy in kube-system (mutated: the platform never writes one)',
      () =>
        add(real(), 'prod-platform', 'kubernetes_network_policy_v1', 'kube-system-deny', {
          metadata: { name: 'deny-all', namespace: 'kube-system' },
          spec: { pod_selector: {}, policy_types: ['Ingress', 'Egress'] },
        }),
    ],
  ],
};

/** A vault firewall naming a created subnet that lacks the Microsoft.KeyVault service endpoint, in any mode. */
export function withBareSubnetRule(): Stacks {
  const s = real(prod({ keyVault: { publicNetworkAccess: false, privateEndpoint: {} } }));
  const infra = s['prod-infra'].resource!;
  const [subnetName] = Object.keys(infra.azurerm_subnet);
  const vault = Object.values(infra.azurerm_key_vault)[0] as Record<string, any>;
  vault.network_acls.virtual_network_subnet_ids = [`\${azurerm_subnet.${subnetName}.id}`];
  return s;
}
