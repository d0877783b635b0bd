import { stack } from '../helpers/synth';

describe('cluster login', () => {
  const EXEC = {
    api_version: 'client.authentication.k8s.io/v1beta1',
    command: 'kubelogin',
    args: ['get-token', '--login', '${var.kubelogin_mode}', '--server-id', '6dae42f8-4368-4678-94ff-3960e28e3630', '--tenant-id', '00000000-0000-0000-0000-000000000000'],
  };

  test('both providers log in through kubelogin with the mode from the kubelogin_mode variable', () => {
    const s = stack('prod-platform');
    expect((s.provider!.kubernetes[0] as { exec: unknown[] }).exec).toEqual([EXEC]);
    expect((s.provider!.helm[0] as { kubernetes: { exec: unknown } }).kubernetes.exec).toEqual(EXEC);
  });

  test.each(['azurecli', 'spn', 'workloadidentity', 'msi'])('platform.kubeloginMode %s is the variable\'s default, not baked into the providers', (mode) => {
    const s = stack('prod-platform', { environments: { prod: { platform: { kubeloginMode: mode } } } });
    expect((s.variable as Record<string, { default: string; type: string }>).kubelogin_mode).toMatchObject({ type: 'string', default: mode });
    expect((s.provider!.kubernetes[0] as { exec: unknown[] }).exec).toEqual([EXEC]);
  });

  test('the variable accepts only the modes kubelogin has', () => {
    const v = (stack('prod-platform').variable as Record<string, { validation: Array<{ condition: string }> }>).kubelogin_mode;
    expect(v.validation[0].condition).toBe('${contains(["azurecli","spn","workloadidentity","msi"], var.kubelogin_mode)}');
  });

  test('providers get host, CA certificate and exec only: no token, client key, password or kubeconfig', () => {
    const s = stack('prod-platform');
    expect(Object.keys(s.provider!.kubernetes[0]).sort()).toEqual(['cluster_ca_certificate', 'exec', 'host']);
    expect(Object.keys((s.provider!.helm[0] as { kubernetes: object }).kubernetes).sort()).toEqual(['cluster_ca_certificate', 'exec', 'host']);
    expect(JSON.stringify(s)).not.toMatch(/kube_admin_config|client_key|password/);
  });
});
