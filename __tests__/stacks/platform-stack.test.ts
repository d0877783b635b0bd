import { stack } from '../helpers/synth';

describe('cluster login', () => {
  test.each([
    ['azurecli', []],
    ['spn', ['--tenant-id', '00000000-0000-0000-0000-000000000000']],
    ['workloadidentity', ['--tenant-id', '00000000-0000-0000-0000-000000000000']],
    ['msi', []],
  ])('kubelogin --login %s configures both providers through exec', (mode, extra) => {
    const s = stack('prod-platform', { environments: { prod: { platform: { kubeloginMode: mode } } } });
    const exec = {
      api_version: 'client.authentication.k8s.io/v1beta1',
      command: 'kubelogin',
      args: ['get-token', '--login', mode, '--server-id', '6dae42f8-4368-4678-94ff-3960e28e3630', ...extra],
    };
    expect((s.provider!.kubernetes[0] as { exec: unknown[] }).exec).toEqual([exec]);
    expect((s.provider!.helm[0] as { kubernetes: { exec: unknown } }).kubernetes.exec).toEqual(exec);
  });

  test('providers get host, CA certificate and exec only: no token, client key, password or kubeconfig', () => {
    const s = stack('prod-platform');
    expect(Object.keys(s.provider!.kubernetes[0]).sort()).toEqual(['cluster_ca_certificate', 'exec', 'host']);
    expect(Object.keys((s.provider!.helm[0] as { kubernetes: object }).kubernetes).sort()).toEqual(['cluster_ca_certificate', 'exec', 'host']);
    expect(JSON.stringify(s)).not.toMatch(/kube_admin_config|client_key|password/);
  });
});
