/** reports/<env>/index.html: one self-contained page with the picture, baseline, key settings, runbook and review. */
import { prodPage, WAIVER } from './fixture';

let page: Awaited<ReturnType<typeof prodPage>>;
beforeAll(async () => {
  page = await prodPage();
}, 60_000);

const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;

test('the picture is inline SVG with one node per concept and a labelled path per edge', () => {
  expect(page.html).toContain('<div class="diagram"><svg xmlns="http://www.w3.org/2000/svg"');
  expect(count(page.svg, /<g class="concept" /g)).toBe(page.expectedNodes);
  expect(page.svg).toMatch(/<g class="edge" data-from="identity_kubelet" data-to="registry_acrdemoprod" data-meaning="pulls from"><title>pulls from: AcrPull<\/title><path d="M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+"/);
  expect(page.svg).toContain('<text class="stack-title"');
  expect(page.svg).toMatch(/prod-platform: applied second/);
});

test('the page needs no network: no external script, style, font, image or link', () => {
  expect(page.html).not.toMatch(/<script[^>]+src=|<link |@import|url\((?!#)|<img |<iframe /);
  // Addresses appear only as text (the runbook's commands), never as something the page loads or links to.
  expect(page.html).not.toMatch(/(src|href|xlink:href)="(https?:)?\/\//);
  expect(page.html).toContain('<a href="#picture">');
});

test('baseline results: every finding a row with severity and status to filter by, the waiver with its expiry', () => {
  const rows = page.html.match(/<tr data-severity="(error|warning|info)" data-status="(pass|fail|waived|not-applicable)">/g)!;
  expect(rows.length).toBeGreaterThan(50);
  expect(page.html).toContain(`<tr data-severity="warning" data-status="waived"><td>AKS-ACR-003</td><td>warning</td><td>waived (waiver 1, expires ${WAIVER.expires})</td>`);
  expect(page.html).toContain(`<tr data-state="active"><td>AKS-ACR-003</td><td>any</td><td>any</td><td>2026-12-31</td><td>active</td><td>${WAIVER.reason}</td></tr>`);
  for (const f of ['severity" value="error"', 'severity" value="info"', 'status" value="waived"', 'status" value="not-applicable"']) expect(page.html).toContain(`<input type="checkbox" name="${f} checked>`);
});

test('key settings: version and channels, API access, pools, network, identities and grants', () => {
  const row = (area: string, setting: string) => new RegExp(`<tr><td>${area}</td><td><code>${setting.replace(/[()]/g, '\\$&')}</code></td><td>([^<]*)</td></tr>`).exec(page.html)?.[1];
  expect(row('cluster', 'automatic_upgrade_channel')).toBe('stable');
  expect(row('API access', 'authorized_ip_ranges')).toBe('203.0.113.0/24, 198.51.100.0/24');
  expect(row('pools', 'gpu')).toBe('Standard_NC4as_T4_v3, 0-5 (autoscaled) nodes, zones 1, 2, 3, User, taints sku=gpu:NoSchedule');
  expect(row('network', 'outbound_type')).toBe('loadBalancer');
  expect(row('identities', 'kubelet identity')).toBe('made by AKS');
  expect(row('grants', 'kubelet identity (made by AKS)')).toBe('AcrPull on container registry (acrdemoprod)');
});

test('the runbook and the change review are rendered as HTML', () => {
  expect(page.html).toContain('<section id="runbook"><h2>Runbook</h2>\n<h3>Key Vault CSI runbook: prod</h3>');
  expect(page.html).toMatch(/<pre data-lang="bash"><code>az aks get-credentials --resource-group [\w-]+ --name aks-demo-prod/);
  expect(page.html).toMatch(/<section id="review"><h2>Change review<\/h2>\n<h3>Infrastructure change summary<\/h3>/);
  expect(page.html).toMatch(/<li>changed <code>azurerm_kubernetes_cluster_node_pool\.aks_pool-apps_pool_\w+<\/code>\n<ul><li><code>vm_size<\/code>: <code>&quot;Standard_D2s_v3&quot;<\/code> -&gt; <code>&quot;Standard_D4s_v3&quot;<\/code>/);
  // Only this environment's stacks are compared.
  expect(page.html).not.toContain('dev-infra');
});

test('same input, same bytes', async () => {
  const again = await prodPage();
  expect(again.html).toBe(page.html);
  expect(again.svg).toBe(page.svg);
}, 60_000);
