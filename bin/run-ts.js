#!/usr/bin/env node
// Runs a TypeScript entry point through tsx's require hook: `node bin/run-ts.js file.ts [args…]`.
// The AWS SDK warns on every run that its releases after January 2027 will need Node.js 22; the
// locked SDK supports the Node.js this project requires, so users would only see noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
require('tsx/cjs');
const path = require('node:path');
const entry = path.resolve(process.argv[2]);
process.argv.splice(1, 2, entry);
require(entry);
