#!/usr/bin/env node
// The `statecraft` command: loads the TypeScript CLI through tsx's require hook.
require('tsx/cjs');
require('../src/cli/main.ts');
