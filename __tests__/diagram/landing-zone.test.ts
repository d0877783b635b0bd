/**
 * The picture of the landing-zone example (examples/landing-zone.yaml): egress through the firewall, private
 * endpoints resolving through their DNS zones, and every network resource type mapped to a concept.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { EnvironmentView, type StackJson } from '../../lib/baseline/stack-model';
import { conceptModel } from '../../lib/diagram/concepts';
import { MEANINGS } from '../../lib/diagram/model';
import { ROOT, synthAll } from '../helpers/synth';

const TEXT = readFileSync(path.join(ROOT, 'examples', 'landing-zone.yaml'), 'utf8');
/** staging: the self-contained shape, with the firewall and the private DNS zones in its own stack. */
const staging = conceptModel(new EnvironmentView('staging', synthAll(TEXT, 'staging') as Record<string, StackJson>));
const edges = staging.edges.map((e) => `${e.from} -${e.meaning}-> ${e.to}`);

test('egress runs from the VNet through the route table to the firewall', () => {
  expect(edges).toContain('vnet_vnet_aks_lz_staging -egress via-> route_table_rt_aks_lz_staging');
  expect(edges).toContain('route_table_rt_aks_lz_staging -egress via-> firewall_afw_aks_lz_staging');
});

test('private endpoints fold into the service they expose, which resolves through its private DNS zone', () => {
  expect(edges).toEqual(
    expect.arrayContaining([
      'key_vault_kv_lz_staging -resolves through-> dns_zone_privatelink_vaultcore_azure_net',
      'registry_acrlzstaging -resolves through-> dns_zone_privatelink_azurecr_io',
      'vnet_vnet_aks_lz_staging -resolves through-> dns_zone_privatelink_vaultcore_azure_net',
    ]),
  );
  expect(staging.nodes.find((n) => n.id === 'key_vault_kv_lz_staging')!.details).toContain('Azure RBAC · public access off · private endpoint');
});

test('every network type has a home: no node falls back to its construct name, at most about 30 nodes', () => {
  expect(staging.nodes.filter((n) => n.kind === 'component').map((n) => n.resources)).toEqual([]);
  expect(staging.nodes.length).toBeLessThanOrEqual(30);
  for (const e of staging.edges) expect(MEANINGS).toContain(e.meaning);
});
