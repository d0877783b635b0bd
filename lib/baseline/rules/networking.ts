/** Networking: CNI, network policy, API server exposure, egress and ingress (seed: 네트워킹, Network Security). */
import { attr, blocks, show } from '../stack-model';
import { helmChart } from './k8s-helpers';
import { isTrue, presenceRule, resourceRule } from './dsl';

const base = { area: 'networking', types: ['azurerm_kubernetes_cluster'], home: 'infra', whenAbsent: 'not-applicable' } as const;
const OPEN = new Set(['0.0.0.0/0', '*', 'Internet', 'Any']);
const POLICIES = ['azure', 'calico', 'cilium'];

export const networkingRules = [
  resourceRule({
    ...base,
    id: 'AKS-NET-001',
    title: 'Network policy engine set',
    severity: 'error',
    seed: 'Production checklist / 보안: Network Policy 적용; 클러스터 생성: --network-policy azure',
    scanners: ['CKV_AZURE_7', 'AVD-AZU-0043'],
    remedy: "Set network.policy to azure, calico or cilium (not none); with none no NetworkPolicies are written, and production refuses namespaces that would have them.",
    test: (r) => {
      const p = attr(r.attrs, 'network_profile.network_policy');
      return [typeof p === 'string' && POLICIES.includes(p), `network_profile.network_policy = ${show(p)}`];
    },
  }),
  resourceRule({
    ...base,
    id: 'AKS-NET-002',
    title: 'API server private or limited to authorized IP ranges',
    severity: 'error',
    seed: 'Production checklist / 보안: Private Cluster 또는 Authorized IP 설정; Network Security: --enable-private-cluster, --api-server-authorized-ip-ranges',
    scanners: ['CKV_AZURE_6', 'CKV_AZURE_115', 'AVD-AZU-0041'],
    remedy: "Keep cluster.apiServer.access: private (the default), or authorizedRanges with the networks allowed to reach the API server in cluster.apiServer.authorizedIpRanges (never 0.0.0.0/0); publicUnrestricted fails this rule.",
    test: (r) => {
      if (isTrue(r.attrs.private_cluster_enabled)) return [true, 'private_cluster_enabled = true'];
      const ranges = attr(r.attrs, 'api_server_access_profile.authorized_ip_ranges');
      const list = Array.isArray(ranges) ? (ranges as string[]) : [];
      const ok = list.length > 0 && !list.some((x) => OPEN.has(x));
      return [ok, `private_cluster_enabled = ${show(r.attrs.private_cluster_enabled)}, api_server_access_profile.authorized_ip_ranges = ${show(ranges)}`];
    },
  }),
  resourceRule({
    ...base,
    id: 'AKS-NET-003',
    title: 'Azure CNI network plugin',
    severity: 'warning',
    seed: 'Production checklist / 네트워킹: Azure CNI 사용; 네트워크 플러그인 선택: Azure CNI Overlay (권장 - 프로덕션)',
    remedy: "Set network.plugin: azure (with network.pluginMode: overlay, the seed's recommendation; kubenet is refused at synth, retired).",
    test: (r) => {
      const p = attr(r.attrs, 'network_profile.network_plugin');
      return [p === 'azure', `network_profile.network_plugin = ${show(p)}`];
    },
  }),
  resourceRule({
    ...base,
    id: 'AKS-NET-004',
    title: 'Standard load balancer SKU',
    severity: 'warning',
    seed: 'Production checklist / 네트워킹: Load Balancer SKU: Standard',
    remedy: "The AksCluster construct always uses the standard load balancer (secure by default, no platform.yaml setting); do not override network_profile.load_balancer_sku in custom code.",
    test: (r) => {
      const v = attr(r.attrs, 'network_profile.load_balancer_sku');
      return [v === undefined || v === 'standard', `network_profile.load_balancer_sku = ${show(v)}${v === undefined ? ' (provider default standard)' : ''}`];
    },
  }),
  resourceRule({
    ...base,
    id: 'AKS-NET-005',
    title: 'Egress through a controlled path (NAT gateway or user-defined routing)',
    severity: 'info',
    seed: 'Production checklist / 네트워킹: Egress 트래픽 제어',
    remedy: "Set network.outboundType to userDefinedRouting (through a firewall) or a NAT gateway type.",
    test: (r) => {
      const v = attr(r.attrs, 'network_profile.outbound_type');
      return [typeof v === 'string' && v !== 'loadBalancer', `network_profile.outbound_type = ${show(v)}`];
    },
  }),
  resourceRule({
    area: 'networking',
    types: ['azurerm_kubernetes_cluster', 'azurerm_kubernetes_cluster_node_pool'],
    home: 'infra',
    whenAbsent: 'not-applicable',
    id: 'AKS-NET-006',
    title: 'Nodes have no public IP addresses',
    severity: 'warning',
    seed: 'Network Security: nodes reachable only inside the VNet',
    remedy: "Nodes never get public IPs from the platform (secure by default, no platform.yaml setting); do not set node_public_ip_enabled in custom code.",
    test: (r) => {
      const pools = r.type === 'azurerm_kubernetes_cluster' ? blocks(r.attrs, 'default_node_pool') : [r.attrs];
      const on = pools.filter((p) => p.node_public_ip_enabled === true);
      return [on.length === 0, `node_public_ip_enabled = ${on.length ? 'true' : 'unset/false'}`];
    },
  }),
  presenceRule({
    area: 'networking',
    home: 'platform',
    id: 'AKS-NET-007',
    title: 'Ingress controller installed',
    severity: 'warning',
    seed: 'Production checklist / 네트워킹: Ingress Controller 구성; 3. Ingress 컨트롤러 선택',
    remedy: "Keep an ingress controller: ingress.controller nginx (the default), agc (ALB controller) or agic (the AKS add-on); none fails this rule.",
    find: (env) => [
      ...env.ofType('helm_release').filter((h) => /ingress|alb-controller/.test(helmChart(h))),
      ...env.ofType('azurerm_kubernetes_cluster').filter((c) => attr(c.attrs, 'ingress_application_gateway.gateway_id') !== undefined),
    ],
    missing: 'no ingress controller: no ingress-nginx or alb-controller helm_release, no AGIC add-on (ingress_application_gateway) on the cluster',
    test: (r) => [true, r.type === 'helm_release' ? `chart ${helmChart(r)}` : 'AGIC add-on: ingress_application_gateway.gateway_id set'],
  }),
];
