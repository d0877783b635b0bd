/**
 * Every synthesized role assignment names its role in a form the provider reads back unchanged. In azurerm 4.55
 * `role_definition_id` is ForceNew with only a case-insensitive diff suppression, and Read stores the ID as the API
 * returns it (`/subscriptions/<id>/providers/Microsoft.Authorization/roleDefinitions/<guid>`): an ID without the
 * subscription prefix replaces the assignment on every plan after the first apply. `role_definition_name` is read
 * back from the role definition's name. Source: hashicorp/terraform-provider-azurerm
 * internal/services/authorization/role_assignment_resource.go (schema and resourceArmRoleAssignmentRead).
 */
import { BUILT_IN_ROLES } from '../../lib/constructs/role-assignment';
import { all, configText, synthAll } from '../helpers/synth';

const ZONE = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.koreacentral.azmk8s.io';
const VARIANTS: [string, Record<string, unknown>][] = [
  ['the default file', {}],
  [
    'kubelet identity created, private API server with a custom DNS zone',
    { environments: { prod: { cluster: { identity: { kubelet: 'create' }, apiServer: { access: 'private', authorizedIpRanges: [], privateDnsZone: ZONE } } } } },
  ],
];
const NAMES = new Set<string>(Object.values(BUILT_IN_ROLES));

describe.each(VARIANTS)('role assignments (%s)', (_, patch) => {
  const assignments = () =>
    Object.values(synthAll(configText(patch))).flatMap((s) => Object.entries(all(s, 'azurerm_role_assignment')));

  test('there are assignments to check', () => {
    expect(assignments().length).toBeGreaterThan(3);
  });

  test('no role_definition_id lacks the /subscriptions/<id> prefix; names are built-in role names', () => {
    const bad = assignments()
      .filter(([, r]) => (r.role_definition_id !== undefined ? !/^\/subscriptions\/[^/]+\/providers\/Microsoft\.Authorization\/roleDefinitions\/[0-9a-f-]{36}$/i.test(String(r.role_definition_id)) : !NAMES.has(String(r.role_definition_name))))
      .map(([k, r]) => `${k}: ${r.role_definition_id ?? r.role_definition_name}`);
    expect(bad).toEqual([]);
  });
});
