/**
 * `reports/<env>/index.html`: one self-contained page to review an environment by. The architecture picture
 * (inline SVG), the baseline results (filterable by severity and status, waivers with their expiry), the key
 * settings, the runbook and, when compared with a base, the change review. Everything is inline (no CDN, no fonts,
 * no network); the same input gives the same bytes.
 *
 * The page's script marks what a headless browser test reads back: `data-diagram-nodes` (concept nodes in the
 * rendered SVG), `data-diagram-width` (its laid-out width, so the SVG really rendered) and `data-script-errors`
 * (every uncaught error).
 */
import type { EnvironmentReport, Finding, Severity, Status } from '../baseline/types';
import { MEANINGS, type ConceptModel } from '../diagram/model';
import { escapeHtml as esc, inline, markdownToHtml } from './markdown';
import type { SettingRow } from './settings';

export interface ReportPageInput {
  readonly model: ConceptModel;
  /** The laid-out picture (lib/diagram/svg.ts). */
  readonly svg: string;
  /** The baseline result (baseline.json's content); absent when the output folder has none. */
  readonly baseline?: Pick<EnvironmentReport, 'environment' | 'enforcement' | 'findings' | 'waivers'> & { readonly verdict?: string };
  readonly settings: readonly SettingRow[];
  /** runbook.md's Markdown. */
  readonly runbook?: string;
  /** The change review's Markdown, when compared with a base. */
  readonly review?: string;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const STATUSES: Status[] = ['fail', 'waived', 'pass', 'not-applicable'];

const STYLE = `
:root{--fg:#1d2330;--muted:#5b6472;--line:#d8dde6;--bg:#ffffff;--soft:#f5f7fa}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 'DejaVu Sans','Segoe UI',Arial,sans-serif;color:var(--fg);background:var(--bg)}
header{padding:16px 28px;border-bottom:1px solid var(--line);background:var(--soft)}
header h1{margin:0 0 4px;font-size:22px}
nav a{margin-right:16px;color:#2f5fa8;text-decoration:none}
main{padding:0 28px 40px}
section{margin-top:28px}
h2{font-size:18px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:15px}
.diagram{overflow:auto;border:1px solid var(--line);border-radius:6px;padding:8px;background:#fff}
.diagram svg{max-width:100%;min-width:1100px;height:auto;cursor:zoom-in}
.diagram.full svg{max-width:none;cursor:zoom-out}
#findings td:nth-child(5){min-width:16em}
.legend{color:var(--muted)}
table{border-collapse:collapse;margin:8px 0;width:100%}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--soft)}
td code{word-break:break-all}
td{overflow-wrap:anywhere}
td.num,th.num{text-align:right}
code{font-family:'DejaVu Sans Mono',Consolas,monospace;font-size:12px;background:var(--soft);padding:0 3px;border-radius:3px}
pre{background:var(--soft);padding:8px 10px;border-radius:6px;overflow:auto}
pre code{background:none;padding:0}
.filters{display:flex;gap:24px;flex-wrap:wrap;margin:8px 0}
.filters fieldset{border:1px solid var(--line);border-radius:6px;padding:4px 10px}
.filters label{margin-right:10px}
tr[data-status="fail"] td:nth-child(3){color:#b23b3b;font-weight:bold}
tr[data-status="waived"] td:nth-child(3){color:#a86a00;font-weight:bold}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;background:#e6e9ef}
.badge.fail{background:#fbe1e1}.badge.pass{background:#e1f5e8}.badge.warn{background:#fdf0d5}
`;

/** Runs before anything else: records every uncaught error where a headless test can read it. */
export const ERROR_HOOK = `(function(){var d=document.documentElement;function rec(m){d.setAttribute('data-script-errors',(d.getAttribute('data-script-errors')||'')+m+'\\n');}
window.addEventListener('error',function(e){rec(e.message||'error');});window.addEventListener('unhandledrejection',function(e){rec(String(e.reason));});})();`;

/** The filters, and the marks a headless browser reads back. */
const SCRIPT = `(function(){
var d=document.documentElement;
var svg=document.querySelector('.diagram svg');
d.setAttribute('data-diagram-nodes',svg?String(svg.querySelectorAll('g.concept').length):'0');
d.setAttribute('data-diagram-width',svg?String(Math.round(svg.getBBox().width)):'0');
var boxes=Array.prototype.slice.call(document.querySelectorAll('.filters input'));
var rows=Array.prototype.slice.call(document.querySelectorAll('#findings tbody tr'));
function apply(){
  var on={};boxes.forEach(function(b){on[b.name+':'+b.value]=b.checked;});
  var shown=0;
  rows.forEach(function(r){var v=on['severity:'+r.getAttribute('data-severity')]&&on['status:'+r.getAttribute('data-status')];r.hidden=!v;if(v)shown++;});
  var c=document.getElementById('findings-shown');if(c)c.textContent=String(shown);
}
boxes.forEach(function(b){b.addEventListener('change',apply);});
var box=document.querySelector('.diagram');if(box)box.addEventListener('click',function(){box.classList.toggle('full');});
apply();
d.setAttribute('data-ready','true');
})();`;

function baselineSection(b: ReportPageInput['baseline']): string {
  if (!b) return '<p>No baseline report in this output folder: run <code>npm run synth</code> first.</p>';
  const count = (s: Status, sev?: Severity) => b.findings.filter((f) => f.status === s && (!sev || f.severity === sev)).length;
  const summary =
    `<table class="summary"><thead><tr><th>enforcement</th><th>verdict</th><th class="num">pass</th><th class="num">fail (error)</th><th class="num">fail (warning)</th><th class="num">fail (info)</th><th class="num">waived</th><th class="num">not applicable</th></tr></thead>` +
    `<tbody><tr><td>${esc(b.enforcement)}</td><td><span class="badge ${esc(b.verdict ?? '')}">${esc(b.verdict ?? '')}</span></td><td class="num">${count('pass')}</td><td class="num">${count('fail', 'error')}</td><td class="num">${count('fail', 'warning')}</td><td class="num">${count('fail', 'info')}</td><td class="num">${count('waived')}</td><td class="num">${count('not-applicable')}</td></tr></tbody></table>`;
  const waivers = b.waivers.length
    ? `<table id="waivers"><thead><tr><th>rule</th><th>environment</th><th>resource</th><th>expires</th><th>state</th><th>reason</th></tr></thead><tbody>${b.waivers
        .map((w) => `<tr data-state="${esc(w.state)}"><td>${esc(w.rule)}</td><td>${esc(w.environment ?? 'any')}</td><td>${w.resource ? `<code>${esc(w.resource)}</code>` : 'any'}</td><td>${esc(w.expires)}</td><td>${esc(w.state)}</td><td>${esc(w.reason)}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p>No waivers.</p>';
  const check = (name: string, value: string) => `<label><input type="checkbox" name="${name}" value="${value}" checked> ${value}</label>`;
  const filters =
    `<div class="filters"><fieldset><legend>severity</legend>${SEVERITIES.map((s) => check('severity', s)).join('')}</fieldset>` +
    `<fieldset><legend>status</legend>${STATUSES.map((s) => check('status', s)).join('')}</fieldset>` +
    `<p>showing <span id="findings-shown">${b.findings.length}</span> of ${b.findings.length}</p></div>`;
  const order = (f: Finding) => STATUSES.indexOf(f.status) * 10 + SEVERITIES.indexOf(f.severity);
  const rows = [...b.findings]
    .map((f, i) => ({ f, i }))
    .sort((x, y) => order(x.f) - order(y.f) || x.i - y.i)
    .map(
      ({ f }) =>
        `<tr data-severity="${f.severity}" data-status="${f.status}"><td>${esc(f.rule)}</td><td>${esc(f.severity)}</td><td>${esc(f.status)}${f.waiver !== undefined ? ` (waiver ${f.waiver + 1}, expires ${esc(b.waivers[f.waiver]?.expires ?? '?')})` : ''}</td>` +
        `<td>${esc(f.title)}</td><td><code>${esc(f.address)}</code></td><td>${esc(f.detail)}</td><td>${f.status === 'fail' || f.status === 'waived' ? inline(f.remedy) : ''}</td></tr>`,
    )
    .join('');
  return (
    `${summary}<h3>Waivers</h3>${waivers}<h3>Findings</h3>${filters}` +
    `<table id="findings"><thead><tr><th>rule</th><th>severity</th><th>status</th><th>title</th><th>resource</th><th>seen</th><th>remedy</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

function settingsSection(rows: readonly SettingRow[]): string {
  if (rows.length === 0) return '<p>No cluster in this environment.</p>';
  return `<table id="settings-table"><thead><tr><th>area</th><th>setting</th><th>value</th></tr></thead><tbody>${rows
    .map((r) => `<tr><td>${esc(r.section)}</td><td><code>${esc(r.setting)}</code></td><td>${esc(r.value)}</td></tr>`)
    .join('')}</tbody></table>`;
}

export function reportPage(input: ReportPageInput): string {
  const env = input.model.environment;
  const verdict = input.baseline?.verdict;
  const sections: [id: string, title: string, body: string][] = [
    [
      'picture',
      'Architecture',
      `<div class="diagram">${input.svg.trim()}</div><p class="legend">One box per stack (applied left to right), one per concern, one node per platform concept; every arrow is one of: ${MEANINGS.map((m) => `<em>${m}</em>`).join(', ')}. Hover a node for the Terraform resources it stands for.</p>`,
    ],
    ['baseline', 'Security baseline', baselineSection(input.baseline)],
    ['settings', 'Key settings', settingsSection(input.settings)],
    ['runbook', 'Runbook', input.runbook ? markdownToHtml(input.runbook, 2) : '<p>No runbook in this output folder.</p>'],
    ['review', 'Change review', input.review ? markdownToHtml(input.review, 1) : '<p>Not compared with a base: <code>npm run report -- --base &lt;earlier cdktf.out&gt;</code> adds the change review.</p>'],
  ];
  return [
    '<!DOCTYPE html>',
    `<html lang="en" data-environment="${esc(env)}" data-expected-nodes="${input.model.nodes.length}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Platform report: ${esc(env)}</title>`,
    `<script>${ERROR_HOOK}</script>`,
    `<style>${STYLE.trim()}</style>`,
    '</head>',
    '<body>',
    `<header><h1>Platform report: ${esc(env)}</h1><p>Stacks ${input.model.stacks.map((s) => `<code>${esc(s.name)}</code>`).join(', ')}${verdict ? `; baseline verdict <span class="badge ${esc(verdict)}">${esc(verdict)}</span>` : ''}. Generated from the synthesized stacks by <code>npm run report</code>; do not edit.</p>`,
    `<nav>${sections.map(([id, title]) => `<a href="#${id}">${title}</a>`).join('')}</nav></header>`,
    '<main>',
    ...sections.map(([id, title, body]) => `<section id="${id}"><h2>${title}</h2>\n${body}\n</section>`),
    '</main>',
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
