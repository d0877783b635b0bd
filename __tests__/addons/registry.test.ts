import { readdirSync, existsSync } from 'fs';
import * as path from 'path';
import { ADDONS } from '../../lib/addons/registry';
import { ADDON_SETTINGS } from '../../lib/addons/settings';

const DIR = path.join(__dirname, '..', '..', 'lib', 'addons');
const folders = readdirSync(DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

test('every add-on folder has an addon.ts and is registered under its folder name', () => {
  expect(folders.length).toBeGreaterThanOrEqual(5);
  for (const f of folders) {
    expect(existsSync(path.join(DIR, f, 'addon.ts'))).toBe(true);
  }
  expect(ADDONS.map((a) => a.name).sort()).toEqual([...folders].sort());
});

test('add-on names are unique', () => {
  expect(new Set(ADDONS.map((a) => a.name)).size).toBe(ADDONS.length);
});

test('the configuration side lists the same add-ons as the registry (settings.ts beside addon.ts)', () => {
  expect(ADDON_SETTINGS.map((s) => s.name).sort()).toEqual(ADDONS.map((a) => a.name).sort());
  for (const s of ADDON_SETTINGS) expect(existsSync(path.join(DIR, s.name, 'settings.ts'))).toBe(true);
});
