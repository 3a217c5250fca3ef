#!/usr/bin/env node
// Runs a TypeScript entry point through tsx's require hook: `node bin/run-ts.js file.ts [args…]`.
require('tsx/cjs');
const path = require('node:path');
const entry = path.resolve(process.argv[2]);
process.argv.splice(1, 2, entry);
require(entry);
