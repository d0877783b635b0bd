import { runbookMarkdown } from '../lib/runbook';
import { config, configText } from './helpers/synth';

const prod = () => config().environments.find((e) => e.name === 'prod')!;
const book = () => runbookMarkdown(prod());

describe('the Key Vault CSI runbook for the default prod', () => {
  test('names the environment\'s real resource group, cluster and vault', () => {
    expect(book()).toContain('| resource group | `rg-demo-prod` |');
    expect(book()).toContain('| cluster | `aks-demo-prod` |');
    expect(book()).toContain('`kv-demo-prod` (`https://kv-demo-prod.vault.azure.net/`)');
    expect(book()).toContain('az aks get-credentials --resource-group rg-demo-prod --name aks-demo-prod');
  });

  test('names each workload\'s namespace, ServiceAccount, identity and SecretProviderClass', () => {
    expect(book()).toContain('| orders | `orders` | `orders-api` | `id-demo-prod-orders` | workloadIdentity | `orders` | `orders-connection` |');
    expect(book()).toContain('| legacy-batch | `batch` | - | the add-on\'s identity (`azurekeyvaultsecretsprovider-aks-demo-prod`) | addonIdentity | `legacy-batch` | - |');
    expect(book()).toContain('kubectl get secretproviderclass orders -n orders -o yaml');
    expect(book()).toContain('az identity federated-credential list --identity-name id-demo-prod-orders --resource-group rg-demo-prod');
  });

  test('has the seed\'s provider and driver log commands', () => {
    expect(book()).toContain('kubectl logs -l app=secrets-store-provider-azure -n kube-system --since=1h | grep ^E');
    expect(book()).toContain('kubectl logs -l app=secrets-store-csi-driver -n kube-system --since=1h | grep ^E');
  });

  test('maps the common mount errors to their fix in platform.yaml', () => {
    for (const e of ['context deadline exceeded', 'AADSTS70021', 'ForbiddenByRbac', 'SecretNotFound', 'nmi response failed']) expect(book()).toContain(e);
    expect(book()).toContain('keyVault.networkAcls.allowNodeSubnet');
  });

  test('tests connectivity from a host-network pod as the workload identity, with a token exchange, not a secret', () => {
    const b = book();
    expect(b).toContain('serviceAccountName: orders-api');
    expect(b).toContain('hostNetwork: true');
    expect(b).toContain('client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    expect(b).toContain("'https://kv-demo-prod.vault.azure.net/secrets/db-dsn?api-version=7.4'");
    expect(b).not.toMatch(/client_secret|AZURE_CLIENT_SECRET|password/i);
  });

  test('lifts the namespace\'s Pod Security level for the host-network test and puts it back', () => {
    expect(book()).toContain('kubectl label namespace orders pod-security.kubernetes.io/enforce=privileged --overwrite');
    expect(book()).toContain('kubectl label namespace orders pod-security.kubernetes.io/enforce=restricted --overwrite');
  });

  test('leaves no placeholder unfilled', () => {
    expect(book()).not.toMatch(/<[A-Za-z_][A-Za-z_ -]*>/);
    expect(book()).not.toMatch(/\$\{?(KEY_VAULT_NAME|SECRET_NAME|AAD_TENANT_ID|RESOURCE_GROUP|CLUSTER)\}?/);
  });

  test('selects the subscription when it is known, and says so when it is still the placeholder', () => {
    expect(book()).toContain('still has the placeholder subscription ID');
    const id = '11111111-2222-3333-4444-555555555555';
    const real = config(configText({ environments: { prod: { subscriptionId: id } } })).environments[1];
    expect(runbookMarkdown(real)).toContain(`az account set --subscription ${id}`);
  });
});
