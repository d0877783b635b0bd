/**
 * The Terraform Cloud bootstrap stack (`tfc`), built only when an environment keeps its state in Terraform Cloud.
 * Token subject, issuer and audience: HashiCorp's "Dynamic Credentials with the Azure Provider"
 * (https://developer.hashicorp.com/terraform/cloud-docs/workspaces/dynamic-provider-credentials/azure-configuration).
 */
import { configText, synthAll, type StackJson } from '../helpers/synth';
import { all } from '../helpers/synth';

const cloud = { type: 'cloud', organization: 'acme', workspacePrefix: 'aks-' };
const stacks = synthAll(configText({ environments: { prod: { backend: { ...cloud, project: 'Platform', executionMode: 'agent', agentPoolId: 'apool-123' } }, dev: { backend: cloud } } }));
const tfc = stacks.tfc as StackJson;
const byName = (s: StackJson, type: string, name: string) => Object.values(all(s, type)).find((r) => r.name === name)!;
const ref = (type: string, r: Record<string, any>) => `\${${type}.${Object.entries(all(tfc, type)).find(([, v]) => v === r)![0]}.id}`;

test('no tfc stack without a cloud backend', () => {
  expect(Object.keys(synthAll())).not.toContain('tfc');
});

test('one workspace per stack with its working directory, execution mode and Terraform version', () => {
  expect(Object.values(all(tfc, 'tfe_workspace')).map((w) => w.name).sort()).toEqual(['aks-dev-infra', 'aks-dev-platform', 'aks-prod-infra', 'aks-prod-platform']);
  const ws = byName(tfc, 'tfe_workspace', 'aks-prod-infra');
  expect(ws).toMatchObject({ organization: 'acme', working_directory: 'cdktf.out/stacks/prod-infra', terraform_version: '1.9.8' });
  const settings = Object.values(all(tfc, 'tfe_workspace_settings')).find((s) => s.workspace_id === ref('tfe_workspace', ws))!;
  expect(settings).toMatchObject({ execution_mode: 'agent', agent_pool_id: 'apool-123', global_remote_state: false });
  const dev = Object.values(all(tfc, 'tfe_workspace_settings')).find((s) => s.workspace_id === ref('tfe_workspace', byName(tfc, 'tfe_workspace', 'aks-dev-infra')))!;
  expect(dev.execution_mode).toBe('remote');
  expect(dev.agent_pool_id).toBeUndefined();
});

test("an infra workspace shares its state with its own platform workspace only; platform shares with nobody", () => {
  const infra = byName(tfc, 'tfe_workspace', 'aks-prod-infra');
  const platform = byName(tfc, 'tfe_workspace', 'aks-prod-platform');
  const settingsOf = (w: Record<string, any>) => Object.values(all(tfc, 'tfe_workspace_settings')).find((s) => s.workspace_id === ref('tfe_workspace', w))!;
  expect(settingsOf(infra).remote_state_consumer_ids).toEqual([ref('tfe_workspace', platform)]);
  expect(settingsOf(platform).remote_state_consumer_ids).toEqual([]);
});

test('a run trigger starts the platform workspace after each infra run', () => {
  const triggers = Object.values(all(tfc, 'tfe_run_trigger'));
  expect(triggers).toContainEqual(expect.objectContaining({
    workspace_id: ref('tfe_workspace', byName(tfc, 'tfe_workspace', 'aks-prod-platform')),
    sourceable_id: ref('tfe_workspace', byName(tfc, 'tfe_workspace', 'aks-prod-infra')),
  }));
  expect(triggers).toHaveLength(2);
});

test('every workspace authenticates to Azure through dynamic credentials: TFC_AZURE_PROVIDER_AUTH and TFC_AZURE_RUN_CLIENT_ID', () => {
  const vars = Object.values(all(tfc, 'tfe_variable'));
  expect(vars.filter((v) => v.key === 'TFC_AZURE_PROVIDER_AUTH').map((v) => [v.category, v.value])).toEqual(Array(4).fill(['env', 'true']));
  const clientIds = vars.filter((v) => v.key === 'TFC_AZURE_RUN_CLIENT_ID');
  expect(clientIds).toHaveLength(4);
  for (const v of clientIds) expect(v.value).toMatch(/^\$\{azuread_application\.[^.]+\.client_id\}$/);
});

test('an Entra application per environment with a federated credential per workspace and run phase', () => {
  expect(Object.values(all(tfc, 'azuread_application')).map((a) => a.display_name).sort()).toEqual(['tfc-demo-dev', 'tfc-demo-prod']);
  const creds = Object.values(all(tfc, 'azuread_application_federated_identity_credential'));
  expect(creds.map((c) => c.subject).filter((s: string) => s.includes(':workspace:aks-prod-')).sort()).toEqual([
    'organization:acme:project:Platform:workspace:aks-prod-infra:run_phase:apply',
    'organization:acme:project:Platform:workspace:aks-prod-infra:run_phase:plan',
    'organization:acme:project:Platform:workspace:aks-prod-platform:run_phase:apply',
    'organization:acme:project:Platform:workspace:aks-prod-platform:run_phase:plan',
  ]);
  expect(creds).toHaveLength(8);
  for (const c of creds) expect(c).toMatchObject({ issuer: 'https://app.terraform.io', audiences: ['api://AzureADTokenExchange'] });
  expect(Object.keys(all(tfc, 'azuread_service_principal'))).toHaveLength(2);
  expect(creds.filter((c) => c.subject.includes(':workspace:aks-dev-')).every((c) => c.subject.startsWith('organization:acme:project:Default Project:'))).toBe(true);
});

test('a named project is created; the Default Project is not', () => {
  expect(Object.values(all(tfc, 'tfe_project')).map((p) => p.name)).toEqual(['Platform']);
  expect(byName(tfc, 'tfe_workspace', 'aks-prod-infra').project_id).toMatch(/^\$\{tfe_project\./);
  expect(byName(tfc, 'tfe_workspace', 'aks-dev-infra').project_id).toBeUndefined();
});

test('with backend.runClientId, that application is used and none is created', () => {
  const id = '3f2b9c1e-0000-4000-8000-1234567890ab';
  const s = synthAll(configText({ environments: { dev: { backend: { ...cloud, runClientId: id } } } })).tfc as StackJson;
  expect(all(s, 'azuread_application')).toEqual({});
  expect(Object.values(all(s, 'tfe_variable')).filter((v) => v.key === 'TFC_AZURE_RUN_CLIENT_ID').map((v) => v.value)).toEqual([id, id]);
});

test('no token or secret: providers carry no credentials, variables nothing sensitive, its own state is local', () => {
  const tfe = (tfc.provider as Record<string, Array<Record<string, unknown>>>).tfe;
  expect(tfe.map((p) => Object.keys(p).sort())).toEqual([['hostname']]);
  expect(JSON.stringify(tfc)).not.toMatch(/token"|client_secret|password|"sensitive": ?true/i);
  expect((tfc.terraform as { backend: Record<string, unknown> }).backend.local).toEqual({ path: '../../../terraform.tfc.tfstate' });
});

test('executionMode agent needs an agent pool', () => {
  const { problemsWith } = require('../helpers/synth');
  expect(problemsWith({ environments: { prod: { backend: { ...cloud, executionMode: 'agent' } } } })).toContainEqual(expect.stringMatching(/backend\.agentPoolId: is required when backend\.executionMode is agent/));
});
