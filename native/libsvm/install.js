'use strict';
// npm's install script: compiles the addon with node-gyp. node-gyp downloads Node's headers unless
// it is told where they are; a Node installed with its headers (official tarballs, distribution
// packages with the -dev headers) has them beside its binary, under <prefix>/include/node, so that
// directory is passed when present and npm's own nodedir setting is absent. Nothing is fetched then.
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');

const args = ['rebuild', '--release'];
const prefix = path.dirname(path.dirname(process.execPath));
if (!process.env.npm_config_nodedir && existsSync(path.join(prefix, 'include', 'node', 'node.h'))) args.push(`--nodedir=${prefix}`);

// npm names its bundled node-gyp in npm_config_node_gyp; outside npm, the one on PATH.
const nodeGyp = process.env.npm_config_node_gyp;
const command = nodeGyp ? process.execPath : 'node-gyp';
const result = spawnSync(command, nodeGyp ? [nodeGyp, ...args] : args, { cwd: __dirname, stdio: 'inherit', shell: !nodeGyp && process.platform === 'win32' });
if (result.error) {
  console.error(`libsvm-native: could not run node-gyp (${result.error.message}); it needs python3, make and a C++ compiler.`);
  process.exit(1);
}
process.exit(result.status ?? 1);
