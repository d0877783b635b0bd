/** The README front page and the docs/ pages link to files that exist, and the README stays a front page. */
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { ROOT } from './helpers/synth';

const pages = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

test.each(pages)('%s: every relative link points at a file of the project', (page) => {
  const text = readFileSync(path.join(ROOT, page), 'utf8');
  const links = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]).filter((l) => !/^[a-z]+:/.test(l));
  const missing = links.filter((l) => !existsSync(path.resolve(ROOT, path.dirname(page), l)));
  expect(missing).toEqual([]);
});

test('the README is a front page: the two commands, the two stacks, and where to go next', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  expect(readme).toContain('npm ci && npm run synth');
  expect(readme).toContain('npm test ');
  expect(readme).toMatch(/<env>-infra .*<env>-platform/);
  expect(readme.split(/\s+/).length).toBeLessThan(1000);
  for (const doc of ['configuring', 'deploying', 'terraform-cloud', 'ci', 'addons', 'baseline', 'extending', 'troubleshooting']) expect(readme).toContain(`docs/${doc}.md`);
});
