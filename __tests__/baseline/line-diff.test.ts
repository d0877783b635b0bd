/** The compact line diff and the redaction the change summary relies on. */
import { diffBlock, lineDiff, redactLines, valueLines } from '../../lib/baseline/line-diff';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);

test('equal line lists give no hunks', () => {
  expect(lineDiff(lines(5), lines(5))).toEqual([]);
});

test('one changed line gives one hunk with two lines of context on each side', () => {
  const after = lines(10).map((l) => (l === 'line 5' ? 'line five' : l));
  expect(lineDiff(lines(10), after)).toEqual(['@@ -3,5 +3,5 @@', ' line 3', ' line 4', '-line 5', '+line five', ' line 6', ' line 7']);
});

test('changes far apart give separate hunks; close ones share a hunk', () => {
  const far = lines(20).map((l) => (l === 'line 2' || l === 'line 18' ? `${l}!` : l));
  expect(lineDiff(lines(20), far).filter((l) => l.startsWith('@@'))).toEqual(['@@ -1,4 +1,4 @@', '@@ -16,5 +16,5 @@']);
  const near = lines(20).map((l) => (l === 'line 5' || l === 'line 9' ? `${l}!` : l));
  expect(lineDiff(lines(20), near).filter((l) => l.startsWith('@@'))).toEqual(['@@ -3,9 +3,9 @@']);
});

test('inserted and removed lines are aligned around the unchanged ones', () => {
  expect(lineDiff(['a', 'b', 'c'], ['a', 'x', 'b', 'c'])).toEqual(['@@ -1,3 +1,4 @@', ' a', '+x', ' b', ' c']);
  expect(lineDiff(['a', 'b', 'c'], ['a', 'c'])).toEqual(['@@ -1,3 +1,2 @@', ' a', '-b', ' c']);
});

test('Helm values documents are split into lines, several documents separated by ---', () => {
  expect(valueLines(['a: 1\nb: 2\n', 'c: 3\n'])).toEqual(['a: 1', 'b: 2', '---', 'c: 3']);
  expect(valueLines('{"a":{"b":1}}')).toEqual(['{', '  "a": {', '    "b": 1', '  }', '}']);
});

test('sensitive keys are redacted in YAML and JSON lines, with the block under them', () => {
  expect(redactLines(['user: me', 'adminPassword: hunter2', '"client_secret": "abc",', 'connectionString=Server=x', '- token: t'])).toEqual([
    'user: me',
    'adminPassword: (sensitive)',
    '"client_secret": (sensitive),',
    'connectionString=(sensitive)',
    '- token: (sensitive)',
  ]);
  expect(redactLines(['tls:', '  privateKey: |', '    -----BEGIN KEY-----', '    abc', '  cert: x'])).toEqual(['tls:', '  privateKey: |', '    (sensitive)', '  cert: x']);
  expect(redactLines(['secretName: my-tls'])).toEqual(['secretName: my-tls']);
});

test('the fence is longer than any backtick run in the values', () => {
  const block = diffBlock('a\n```\nb', 'a\n```\nc', '');
  expect(block[0]).toBe('````diff');
  expect(block[block.length - 1]).toBe('````');
});
