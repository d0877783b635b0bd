/**
 * Builds the architecture picture's model from synthesized stacks: every managed resource becomes a concept node,
 * part of one, an edge between two, or nothing, by its type's row in {@link TYPE_RULES}. Reads only the Terraform
 * JSON (like the baseline), so it shows what Terraform gets, for any output folder. Deterministic: the same stacks
 * always give the same model.
 */
import { attr, referencesIn, type EnvironmentView, type Resource } from '../baseline/stack-model';
import { describe } from './labels';
import { GROUPS, type ConceptEdge, type ConceptModel, type ConceptNode, type Grant, type Group, type Kind, type Meaning, type StackBox } from './model';
import { EXISTING_TYPES, guessGroup, MEANING_OF_TARGET, NAMESPACED_OBJECT, ROLE_MEANINGS, TYPE_RULES, type TypeRule } from './mapping';

/** A concept while the model is built: its resources grow as others fold into it. */
export interface Concept {
  readonly key: string;
  readonly kind: Kind;
  readonly group: Group;
  readonly stack: string;
  /** The resource it is named after (for a concept derived from the cluster, the cluster). */
  readonly main: Resource;
  /** `kubelet`, `secrets-provider`, `control-plane` for identities the cluster creates; `system-pool` for its default pool. */
  readonly sub?: string;
  readonly members: Resource[];
  /** Set once edges are known: what the identity is for. */
  role?: string;
}

/** A reference found in a resource: the attribute path it sits under (no block indexes), what it names, and the rest. */
interface Ref {
  readonly path: string;
  readonly to: Resource;
  readonly rest: string;
}

/** Strings inside a value with their dotted attribute path (array indexes dropped). */
function eachString(value: unknown, path: string, fn: (s: string, path: string) => void): void {
  if (typeof value === 'string') fn(value, path);
  else if (Array.isArray(value)) for (const v of value) eachString(v, path, fn);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== '//') eachString(v, path ? `${path}.${k}` : k, fn);
  }
}

/** An Azure resource ID: resource group, `provider/type` and name (anything after them is a child path). */
const ARM_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/([^/]+\/[^/]+)\/([^/]+)/i;
const under = (path: string, attrs: readonly string[]) => attrs.some((a) => path === a || path.startsWith(`${a}.`));
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

/** The stack's place in the apply order, by its name. */
function stackRank(name: string): number {
  return name.endsWith('-infra') ? 0 : name.endsWith('-platform') ? 1 : 2;
}

class Builder {
  private readonly refCache = new Map<Resource, Ref[]>();
  private readonly referrers = new Map<Resource, { from: Resource; path: string }[]>();
  readonly concepts = new Map<string, Concept>();
  private readonly owners = new Map<Resource, Concept | null>();
  private readonly namespaces = new Map<string, Concept>();
  private readonly managed: Resource[];

  constructor(readonly view: EnvironmentView) {
    this.managed = view.resources.filter((r) => !r.data);
    for (const r of this.managed) {
      for (const ref of this.refs(r)) {
        const list = this.referrers.get(ref.to) ?? [];
        list.push({ from: r, path: ref.path });
        this.referrers.set(ref.to, list);
      }
    }
  }

  /** References in `r`, following remote-state outputs to the resource in the other stack. */
  refs(r: Resource): Ref[] {
    const hit = this.refCache.get(r);
    if (hit) return hit;
    const out: Ref[] = [];
    eachString(r.attrs, '', (s, path) => {
      if (!s.includes('${')) {
        const existing = this.existing(s, r.stack);
        if (existing) out.push({ path, to: existing, rest: '' });
        return;
      }
      for (const ref of referencesIn(s)) for (const [to, rest] of this.resolve(r.stack, ref.address, ref.rest, 0)) if (to !== r) out.push({ path, to, rest });
    });
    this.refCache.set(r, out);
    return out;
  }

  /** An existing Azure resource a literal resource ID names, as a resource of its own (made once per ID). */
  private existing(value: string, stack: string): Resource | undefined {
    const m = ARM_ID.exec(value);
    const known = m && EXISTING_TYPES[m[2].toLowerCase()];
    if (!m || !known) return undefined;
    const id = m[0];
    const key = `existing:${id.toLowerCase()}`;
    const hit = this.concepts.get(key);
    if (hit) return hit.main;
    const res: Resource = { stack, type: `existing:${m[2].toLowerCase()}`, name: m[3], tfAddress: id, address: id, path: `${stack}/existing`, attrs: { name: m[3], resource_group_name: m[1] }, data: false };
    const c = this.add(key, known[0], known[1], res);
    this.owners.set(res, c);
    return res;
  }

  /** Existing resources nothing in the picture points at (a grant on a workload's storage account) are left out. */
  dropUnusedExisting(edges: { from: Concept; to: Concept }[]): void {
    for (const [key, c] of this.concepts) {
      if (key.startsWith('existing:') && c.members.length === 1 && !edges.some((e) => e.from === c || e.to === c)) this.concepts.delete(key);
    }
  }

  private resolve(stack: string, address: string, rest: string, depth: number): [Resource, string][] {
    const direct = this.view.lookup(stack, address);
    if (!direct) return [];
    if (!(direct.data && direct.type === 'terraform_remote_state')) return direct.data ? [] : [[direct, rest]];
    const output = /^\.outputs\.([A-Za-z0-9_-]+)/.exec(rest)?.[1];
    if (!output || depth > 3) return [];
    const out: [Resource, string][] = [];
    for (const [other, json] of Object.entries(this.view.stacks)) {
      if (other === stack || json.output?.[output]?.value === undefined) continue;
      eachString(json.output[output].value, '', (s) => {
        for (const ref of referencesIn(s)) out.push(...this.resolve(other, ref.address, ref.rest, depth + 1));
      });
    }
    return out;
  }

  rule(r: Resource): TypeRule | undefined {
    return TYPE_RULES[r.type] ?? (/^kubernetes_/.test(r.type) ? NAMESPACED_OBJECT : undefined);
  }

  private add(key: string, kind: Kind, group: Group, main: Resource, sub?: string): Concept {
    const c: Concept = { key, kind, group, stack: main.stack, main, sub, members: [main] };
    this.concepts.set(key, c);
    return c;
  }

  /** Concept nodes of their own, the identities the cluster creates, and application namespaces. */
  createNodes(): void {
    for (const r of this.managed) {
      const rule = this.rule(r);
      if (!rule || !('node' in rule)) continue;
      const kind = typeof rule.node === 'function' ? rule.node(r) : rule.node;
      const c = this.add(r.address, kind, rule.group, r);
      this.owners.set(r, c);
      if (kind === 'cluster') {
        if (r.attrs.default_node_pool) this.add(`${r.address}#system-pool`, 'pool', 'cluster', r, 'system-pool');
        const kubeletUai = this.refs(r).find((x) => x.path === 'kubelet_identity.user_assigned_identity_id');
        if (!kubeletUai) this.add(`${r.address}#kubelet`, 'identity', 'identity', r, 'kubelet');
        if (r.attrs.key_vault_secrets_provider) this.add(`${r.address}#secrets-provider`, 'identity', 'identity', r, 'secrets-provider');
        if (/SystemAssigned/.test(JSON.stringify((r.attrs.identity as { type?: string })?.type ?? ''))) {
          this.add(`${r.address}#control-plane`, 'identity', 'identity', r, 'control-plane');
        }
      }
      if (kind === 'addon') {
        const ns = r.attrs.namespace;
        if (typeof ns === 'string' && !ns.includes('${')) this.namespaces.set(`${r.stack} ${ns}`, c);
      }
    }
    for (const r of this.managed) {
      const rule = this.rule(r);
      if (!rule || !('namespace' in rule)) continue;
      const addon = (this.referrers.get(r) ?? []).find((x) => x.from.type === 'helm_release' && x.path === 'namespace');
      const name = String((r.attrs.metadata as { name?: unknown } | undefined)?.name ?? r.name);
      const c = addon ? this.owner(addon.from)! : this.namespaces.get(`${r.stack} ${name}`) ?? this.add(r.address, 'namespace', 'applications', r);
      if (c.main !== r) c.members.push(r);
      this.owners.set(r, c);
      this.namespaces.set(`${r.stack} ${name}`, c);
    }
  }

  /** The concept a reference names: the cluster's own identities by the attribute read from it. */
  conceptOf(ref: { to: Resource; rest: string }, seen = new Set<Resource>()): Concept | undefined {
    if (ref.to.type === 'azurerm_kubernetes_cluster') {
      const sub = /^\.kubelet_identity/.test(ref.rest)
        ? 'kubelet'
        : /^\.key_vault_secrets_provider/.test(ref.rest)
          ? 'secrets-provider'
          : /^\.identity(\[0\]|\.0)?\.principal_id/.test(ref.rest)
            ? 'control-plane'
            : undefined;
      if (sub === 'kubelet') {
        const uai = this.refs(ref.to).find((x) => x.path === 'kubelet_identity.user_assigned_identity_id');
        if (uai) return this.owner(uai.to, seen);
      }
      const c = sub && this.concepts.get(`${ref.to.address}#${sub}`);
      if (c) return c;
    }
    return this.owner(ref.to, seen);
  }

  /** The concept a resource is part of; null for edges and bookkeeping. */
  owner(r: Resource, seen = new Set<Resource>()): Concept | undefined {
    if (this.owners.has(r)) return this.owners.get(r) ?? undefined;
    if (seen.has(r)) return undefined;
    seen.add(r);
    const rule = this.rule(r);
    let c: Concept | undefined | null;
    if (rule && ('ignore' in rule || 'edge' in rule)) c = null;
    else if (rule && 'fold' in rule) {
      // The attributes in the rule's order: the first that names a concept wins.
      for (const ref of rule.fold.flatMap((a) => this.refs(r).filter((x) => under(x.path, [a])))) {
        c = this.conceptOf(ref, seen);
        if (c) break;
      }
      if (!c && rule === NAMESPACED_OBJECT) c = this.byLiteralNamespace(r);
    } else if (rule && 'foldReferrer' in rule) {
      for (const x of (this.referrers.get(r) ?? []).slice().sort((a, b) => a.from.address.localeCompare(b.from.address))) {
        // Not the resources that are part of this one (a security group's rules), only what uses it.
        const theirs = this.rule(x.from);
        if (theirs && 'fold' in theirs && under(x.path, theirs.fold)) continue;
        c = this.owner(x.from, seen);
        if (c) break;
      }
    }
    if (c === undefined) c = this.fallback(r);
    this.owners.set(r, c);
    if (c && c.main !== r && !c.members.includes(r)) c.members.push(r);
    return c ?? undefined;
  }

  private byLiteralNamespace(r: Resource): Concept | undefined {
    const meta = ((r.attrs.manifest as { metadata?: unknown } | undefined)?.metadata ?? r.attrs.metadata) as { namespace?: unknown } | undefined;
    return typeof meta?.namespace === 'string' ? this.namespaces.get(`${r.stack} ${meta.namespace}`) : undefined;
  }

  /**
   * A type without a row, or one whose fold found nothing: part of the one concept built by the same construct
   * (`prod-platform/velero/...`), or a concept named after its construct, in a group guessed from its type.
   */
  private fallback(r: Resource): Concept {
    const inStack = r.path.startsWith(`${r.stack}/`) ? r.path.slice(r.stack.length + 1) : r.path;
    const component = inStack.split('/')[0] || r.name;
    const prefix = `${r.stack}/${component}/`;
    const siblings = new Set([...this.concepts.values()].filter((c) => c.kind !== 'component' && !c.sub && c.main.path.startsWith(prefix)));
    if (siblings.size === 1) return [...siblings][0];
    const key = `${r.stack}/${component}#component`;
    const group = stackRank(r.stack) === 1 && !/^azurerm_|^azuread_/.test(r.type) ? 'add-ons' : guessGroup(r.type);
    return this.concepts.get(key) ?? this.add(key, 'component', group, r);
  }

  /** Every role assignment: principal and scope as concepts where they resolve, literal values otherwise. */
  grants(ids: Map<Concept, string>): Grant[] {
    const out: Grant[] = [];
    for (const r of this.managed.filter((x) => x.type === 'azurerm_role_assignment')) {
      const end = (attr: string) => {
        const ref = this.refs(r).find((x) => x.path === attr);
        const c = ref && this.conceptOf(ref);
        const raw = String(r.attrs[attr] ?? '');
        const id = c && ids.get(c);
        if (!c || !id) return raw;
        const part = ref.to !== c.main && !c.sub ? ` (${ref.to.type.replace(/^azurerm_/, '').replace(/_/g, ' ')} ${String(ref.to.attrs.name ?? ref.to.name)})` : '';
        const below = ref.to.type.startsWith('existing:') ? raw.slice(ref.to.address.length) : raw.replace(/^\$\{[^}]*\}/, '');
        return `${id}${part}${below}`;
      };
      const role = String(r.attrs.role_definition_name ?? r.attrs.role_definition_id ?? '');
      out.push({ principal: end('principal_id'), role, scope: end('scope') });
    }
    return out.sort((a, b) => a.principal.localeCompare(b.principal) || a.scope.localeCompare(b.scope) || a.role.localeCompare(b.role));
  }

  edges(): Map<string, { from: Concept; to: Concept; meaning: Meaning; details: Set<string> }> {
    const edges = new Map<string, { from: Concept; to: Concept; meaning: Meaning; details: Set<string> }>();
    const edge = (from: Concept | undefined, to: Concept | undefined, meaning: Meaning | undefined, detail?: string) => {
      if (!from || !to || !meaning || from === to) return;
      const key = `${from.key} ${meaning} ${to.key}`;
      const e = edges.get(key) ?? { from, to, meaning, details: new Set<string>() };
      if (detail) e.details.add(detail);
      edges.set(key, e);
    };
    for (const r of this.managed) {
      const rule = this.rule(r);
      if (rule && 'edge' in rule) {
        const { from, to, meaning, detail } = rule.edge;
        const sources = this.refs(r).filter((x) => under(x.path, from)).map((x) => this.conceptOf(x));
        if (meaning === 'federated with') {
          const m = /^system:serviceaccount:([^:]+):(.+)$/.exec(String(r.attrs[to[0]] ?? ''));
          const platform = Object.keys(this.view.stacks).filter((s) => stackRank(s) === 1);
          const target = m ? platform.map((s) => this.namespaces.get(`${s} ${m[1]}`)).find(Boolean) : undefined;
          for (const s of sources) edge(s, target, meaning, m ? `${m[1]}/${m[2]}` : undefined);
          continue;
        }
        for (const t of this.refs(r).filter((x) => under(x.path, to))) {
          const target = this.conceptOf(t);
          if (!target) continue;
          const role = String(r.attrs.role_definition_name ?? '');
          const m = meaning ?? (r.type === 'azurerm_role_assignment' ? ROLE_MEANINGS.find(([k, re]) => k === target.kind && re.test(role))?.[2] : MEANING_OF_TARGET[target.kind]);
          for (const s of sources) edge(s, target, m, detail?.(r.attrs, t.to.attrs));
        }
        continue;
      }
      const owner = this.owner(r);
      if (!owner || (rule && 'refs' in rule && rule.refs === false)) continue;
      for (const ref of this.refs(r)) {
        const target = this.conceptOf(ref);
        if (!target || target === owner || target.sub) continue;
        edge(owner, target, MEANING_OF_TARGET[target.kind], DIRECT_DETAILS[ref.path.split('.')[0]]);
      }
    }
    this.secretObjects(edges.values());
    return edges;
  }

  /**
   * The objects behind each "reads secrets" edge granted on the whole vault: the objects of the SecretProviderClasses
   * that authenticate as that identity (their `clientID` or `userAssignedIdentityID`).
   */
  private secretObjects(edges: Iterable<{ from: Concept; meaning: Meaning; details: Set<string> }>): void {
    const classes = this.managed.filter((r) => attr(r.attrs, 'manifest.kind') === 'SecretProviderClass');
    for (const e of edges) {
      if (e.meaning !== 'reads secrets') continue;
      for (const spc of classes) {
        if (!this.refs(spc).some((x) => x.path.startsWith('manifest.spec.parameters') && this.conceptOf(x) === e.from)) continue;
        const objects = String(attr(spc.attrs, 'manifest.spec.parameters.objects') ?? '');
        for (const m of objects.matchAll(/objectName:\s*(\S+)\s+objectType:\s*(\w+)/g)) e.details.add(`${m[2]} ${m[1]}`);
      }
    }
  }
}

/** Detail lines for edges found in a resource's own attributes, by the attribute. */
const DIRECT_DETAILS: Record<string, string> = {
  oms_agent: 'Container Insights',
  microsoft_defender: 'Defender',
  traffic_analytics: 'flow logs',
  monitor_metrics: 'Prometheus metrics',
};

/** The identity's job, from what refers to it and what it is federated with. */
function identityRole(c: Concept, b: Builder, edges: { from: Concept; to: Concept; meaning: Meaning }[]): string {
  if (c.sub) return c.sub;
  for (const x of b.view.resources) {
    if (x.type !== 'azurerm_kubernetes_cluster') continue;
    for (const ref of b.refs(x)) {
      if (ref.to !== c.main) continue;
      if (ref.path.startsWith('identity')) return 'control-plane';
      if (ref.path.startsWith('kubelet_identity')) return 'kubelet';
    }
  }
  const fed = edges.find((e) => e.from === c && e.meaning === 'federated with');
  if (fed) return fed.to.kind === 'addon' ? 'add-on' : 'workload';
  return 'managed';
}

/** Order inside a group: the cluster before its pools, the system pool first, the cluster's own identities first. */
const ORDER = ['cluster', 'system-pool', 'pool', 'vnet', 'route-table', 'firewall', 'nat-gateway', 'dns-zone', 'control-plane', 'kubelet', 'secrets-provider', 'identity'];
const rank = (c: Concept) => {
  const i = ORDER.indexOf(c.role ?? c.sub ?? c.kind);
  return i < 0 ? ORDER.length : i;
};

export function conceptModel(view: EnvironmentView): ConceptModel {
  const b = new Builder(view);
  b.createNodes();
  for (const r of view.resources) if (!r.data) b.owner(r);
  const raw = [...b.edges().values()];
  b.dropUnusedExisting(raw);
  for (const c of b.concepts.values()) if (c.kind === 'identity') c.role = identityRole(c, b, raw);

  const stackNames = Object.keys(view.stacks).sort((x, y) => stackRank(x) - stackRank(y) || x.localeCompare(y));
  const ids = new Map<Concept, string>();
  const used = new Set<string>();
  const nodes: ConceptNode[] = [];
  const sorted = [...b.concepts.values()].sort(
    (x, y) =>
      stackNames.indexOf(x.stack) - stackNames.indexOf(y.stack) ||
      GROUPS.indexOf(x.group) - GROUPS.indexOf(y.group) ||
      rank(x) - rank(y) ||
      x.key.localeCompare(y.key),
  );
  for (const c of sorted) {
    const d = describe(c);
    let id = slug(`${c.kind === 'component' ? 'other' : c.kind}_${d.name}`);
    for (let i = 2; used.has(id); i++) id = `${slug(`${c.kind}_${d.name}`)}_${i}`;
    used.add(id);
    ids.set(c, id);
    nodes.push({
      id,
      kind: c.kind,
      group: c.group,
      stack: c.stack,
      title: d.title,
      details: d.details,
      resources: [...new Set(c.members.map((m) => m.address))].sort(),
    });
  }
  const edges: ConceptEdge[] = raw
    .map((e) => ({ from: ids.get(e.from)!, to: ids.get(e.to)!, meaning: e.meaning, details: [...e.details].sort() }))
    .sort((x, y) => x.from.localeCompare(y.from) || x.meaning.localeCompare(y.meaning) || x.to.localeCompare(y.to));
  const stacks: StackBox[] = stackNames.map((name) => ({ name, caption: caption(name, view) }));
  return { environment: view.name, stacks, nodes, edges, grants: b.grants(ids) };
}

function caption(name: string, view: EnvironmentView): string {
  const providers = Object.keys((view.stacks[name].provider as Record<string, unknown> | undefined) ?? {}).sort().join(', ');
  const order = stackRank(name) === 0 ? 'applied first' : stackRank(name) === 1 ? 'applied second, from the infra outputs' : 'applied separately';
  return providers ? `${order} (${providers})` : order;
}
