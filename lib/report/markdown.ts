/**
 * Markdown to HTML for the report page, for the Markdown this project writes itself (the runbook and the change
 * review): ATX headings, paragraphs, pipe tables, `-` lists nested by indentation, fenced code (also inside list
 * items), and inline code, bold and italics. Not a general Markdown parser: the page shows only our own writers'
 * output, and none of the allowed dependencies renders Markdown. Everything is HTML-escaped first.
 */

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Inline code first (its content is never formatted), then bold and italics. */
export function inline(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part) => {
      if (part.length > 1 && part.startsWith('`') && part.endsWith('`')) return `<code>${escapeHtml(part.slice(1, -1))}</code>`;
      return escapeHtml(part)
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        .replace(/(^|[\s(])\*([^*\s][^*]*)\*(?=[\s).,:;]|$)/g, '$1<em>$2</em>');
    })
    .join('');
}

/** Table cells of a `| a | b |` row; `\|` stays a literal bar. */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));
}

export function markdownToHtml(md: string, headingOffset = 0): string {
  const lines = md.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  /** Open list levels, by indentation. */
  const lists: number[] = [];
  const closeLists = (toIndent = -1) => {
    while (lists.length && lists[lists.length - 1] > toIndent) {
      lists.pop();
      out.push('</li></ul>');
    }
  };
  let para: string[] = [];
  const flush = () => {
    if (para.length) out.push(`<p>${inline(para.join(' '))}</p>`);
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^(\s*)(```+)(\S*)\s*$/.exec(line);
    if (fence) {
      flush();
      const indent = fence[1].length;
      const body: string[] = [];
      for (i++; i < lines.length && !new RegExp(`^\\s*${fence[2]}\\s*$`).test(lines[i]); i++) body.push(lines[i].slice(Math.min(indent, lines[i].length - lines[i].trimStart().length)));
      out.push(`<pre${fence[3] ? ` data-lang="${escapeHtml(fence[3])}"` : ''}><code>${escapeHtml(body.join('\n'))}</code></pre>`);
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      closeLists();
      const level = Math.min(6, heading[1].length + headingOffset);
      out.push(`<h${level}>${inline(heading[2])}</h${level}>`);
      continue;
    }
    if (/^\s*\|/.test(line) && i + 1 < lines.length && /^\s*\|[\s:|-]+\|\s*$/.test(lines[i + 1])) {
      flush();
      closeLists();
      const head = cells(line);
      const align = cells(lines[i + 1]).map((c) => (c.endsWith(':') ? ' class="num"' : ''));
      const rows: string[] = [];
      for (i += 2; i < lines.length && /^\s*\|/.test(lines[i]); i++) {
        rows.push(`<tr>${cells(lines[i]).map((c, j) => `<td${align[j] ?? ''}>${inline(c)}</td>`).join('')}</tr>`);
      }
      i--;
      out.push(`<table><thead><tr>${head.map((c, j) => `<th${align[j] ?? ''}>${inline(c)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`);
      continue;
    }
    const item = /^(\s*)- (.*)$/.exec(line);
    if (item) {
      flush();
      const indent = item[1].length;
      closeLists(indent);
      const open = lists.length && lists[lists.length - 1] === indent ? '</li><li>' : '<ul><li>';
      if (open === '<ul><li>') lists.push(indent);
      out.push(`${open}${inline(item[2])}`);
      continue;
    }
    if (lists.length && /^\s+\S/.test(line)) {
      out[out.length - 1] += ` ${inline(line.trim())}`;
      continue;
    }
    closeLists();
    para.push(line.trim());
  }
  flush();
  closeLists();
  return out.join('\n');
}
