#!/usr/bin/env node
// Derives fast-loading forms of the vendored chart material under vendor/charts/<chart>/<version>/, so synth never
// parses YAML or compiles a JSON schema at run time:
//   values.json                 values.yaml as JSON (a test checks it matches values.yaml)
//   values.schema.validate.js   values.schema.json compiled to a standalone ajv validator (where the chart has a schema)
// scripts/refresh-charts.sh runs it; run it by hand after editing a vendored file: node scripts/compile-vendored-charts.js
const fs = require('fs');
const path = require('path');
const { parse } = require('yaml');

const root = path.join(__dirname, '..', 'vendor', 'charts');
for (const chart of fs.readdirSync(root)) {
  for (const version of fs.readdirSync(path.join(root, chart))) {
    const dir = path.join(root, chart, version);
    const values = parse(fs.readFileSync(path.join(dir, 'values.yaml'), 'utf8')) ?? {};
    fs.writeFileSync(path.join(dir, 'values.json'), JSON.stringify(values) + '\n');
    const schemaFile = path.join(dir, 'values.schema.json');
    const out = path.join(dir, 'values.schema.validate.js');
    if (fs.existsSync(schemaFile)) {
      const Ajv = require('ajv').default;
      const standalone = require('ajv/dist/standalone').default;
      const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true } });
      const code = standalone(ajv, ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8'))));
      fs.writeFileSync(out, `// Generated from values.schema.json by scripts/compile-vendored-charts.js. Do not edit.\n${code}\n`);
    } else if (fs.existsSync(out)) {
      fs.unlinkSync(out);
    }
    console.log(`compiled ${chart} ${version}`);
  }
}
