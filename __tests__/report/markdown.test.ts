/** The Markdown the runbook and the review write, as HTML for the report page. */
import { markdownToHtml } from '../../lib/report/markdown';

test('headings shift by the offset; paragraphs join their lines', () => {
  expect(markdownToHtml('# Title\n\nsome\ntext', 2)).toBe('<h3>Title</h3>\n<p>some text</p>');
});

test('tables keep escaped bars inside cells and right-align numeric columns', () => {
  expect(markdownToHtml('| a | n |\n|---|---:|\n| x \\| y | 3 |')).toBe(
    '<table><thead><tr><th>a</th><th class="num">n</th></tr></thead><tbody><tr><td>x | y</td><td class="num">3</td></tr></tbody></table>',
  );
});

test('nested lists, and a fenced block inside a list item', () => {
  expect(markdownToHtml('- changed `x`\n  - `a`: 1 -> 2\n    ```diff\n    -old\n    +new\n    ```\n- added `y`')).toBe(
    '<ul><li>changed <code>x</code>\n<ul><li><code>a</code>: 1 -&gt; 2\n<pre data-lang="diff"><code>-old\n+new</code></pre>\n</li></ul>\n</li><li>added <code>y</code>\n</li></ul>',
  );
});

test('HTML in the text is escaped, inline code is never formatted', () => {
  expect(markdownToHtml('**bold** <b>x</b> `**not bold** <i>`')).toBe('<p><strong>bold</strong> &lt;b&gt;x&lt;/b&gt; <code>**not bold** &lt;i&gt;</code></p>');
});
