/**
 * Jest transform for cdktf, constructs and @cdktf/provider-*: each module Jest would load becomes a one-line stub
 * that returns the module loaded natively (__tests__/helpers/native-modules.js), so these packages load once per
 * worker instead of once per test file.
 */
const crypto = require('crypto');
const path = require('path');

const loader = path.join(__dirname, 'native-modules.js');
/** Node >= 20.16: without process.getBuiltinModule the modules load the ordinary way (per test file). */
const shared = typeof process.getBuiltinModule === 'function';

module.exports = {
  process(source, filename) {
    if (!shared) return { code: source };
    return { code: `module.exports = require(${JSON.stringify(loader)}).load(${JSON.stringify(filename)});\n` };
  },
  getCacheKey(_source, filename) {
    return crypto.createHash('sha256').update(`native-transform 1\0${shared}\0${loader}\0${filename}`).digest('hex');
  },
};
