#!/usr/bin/env node
// The `statecraft` command: loads the TypeScript CLI through tsx's require hook and hands it the
// shipped workflow registry. The AWS SDK warns on every run that its releases after January 2027
// will need Node.js 22; the locked SDK supports the Node.js this project requires, so users would
// only see noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
require('tsx/cjs');
const { registry } = require('../workflows/registry.ts');
require('../src/cli/main.ts').main(process.argv.slice(2), registry);
