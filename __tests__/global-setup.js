/**
 * Jest globalSetup: runs once per `jest` run, before any test file.
 * - Builds the bundle the CLI tests run (dist/main.js) here, once, so no test file reads a half-written one while
 *   another rebuilds it; scripts/build.js skips the build when the bundle is current.
 * - Hashes the sources synthesis reads, once, for the synth cache (helpers/synth-cache.js).
 */
const { execFileSync } = require('child_process');
const path = require('path');
const { prune, sourcesHash } = require('./helpers/synth-cache');

module.exports = async function globalSetup() {
  execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build.js')], { stdio: 'inherit' });
  sourcesHash();
  prune();
};
