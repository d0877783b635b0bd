/**
 * A CDKTF app that uses this project as a library, without platform.yaml: its own stack with an AKS cluster and a
 * Key Vault from the constructs' defaults, the vault firewall letting the node subnet in. The test suite synthesizes
 * it and runs the project's security baseline on the result. In an app of your own, import from the package name
 * (`aks-platform-cdktf`) instead of the relative path.
 *
 *   npx ts-node examples/library-app/main.ts      (or any TypeScript runner; the test suite synthesizes it)
 */
import { App, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { AksCluster, KeyVault } from '../../lib';

const TENANT = '3f2b9c1e-0000-4000-8000-1234567890ab';

/** One cluster and its vault, composed from the library's constructs with their defaults. */
export class AppStack extends TerraformStack {
  readonly cluster: AksCluster;
  readonly vault: KeyVault;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}], subscriptionId: '3f2b9c1e-0000-4000-8000-000000000001' });
    const rg = new ResourceGroup(this, 'rg', { name: 'rg-shop-prod', location: 'westeurope' });
    const vnet = new VirtualNetwork(this, 'vnet', { name: 'vnet-shop-prod', resourceGroupName: rg.name, location: rg.location, addressSpace: ['10.40.0.0/16'] });
    const nodes = new Subnet(this, 'nodes', {
      name: 'snet-nodes',
      resourceGroupName: rg.name,
      virtualNetworkName: vnet.name,
      addressPrefixes: ['10.40.0.0/20'],
      serviceEndpoints: ['Microsoft.KeyVault'],
    });

    this.cluster = new AksCluster(this, 'aks', {
      name: 'aks-shop-prod',
      resourceGroupName: rg.name,
      location: rg.location,
      tenantId: TENANT,
      adminGroupObjectIds: ['3f2b9c1e-0000-4000-8000-00000000ad01'],
      systemPool: { name: 'system', vmSize: 'Standard_D4s_v5', count: 3 },
      network: { nodeSubnetId: nodes.id },
    });
    this.vault = new KeyVault(this, 'vault', {
      name: 'kv-shop-prod',
      resourceGroupName: rg.name,
      location: rg.location,
      tenantId: TENANT,
      networkRules: { subnetIds: [nodes.id] },
    });
  }
}

/** The app: one stack. */
export function buildLibraryApp(outdir?: string): App {
  const app = new App(outdir ? { outdir } : {});
  new AppStack(app, 'shop-prod');
  return app;
}

if (require.main === module) buildLibraryApp().synth();
