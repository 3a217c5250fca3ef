// A worker thread of the compute pool. Plain JavaScript so that it starts the same way under node,
// tsx and jest: it registers tsx's require hook, then runs the jobs it is sent, one at a time.
require('tsx/cjs');
const { parentPort } = require('node:worker_threads');

const describe = (err) => (err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : { name: 'Error', message: String(err) });

parentPort.on('message', ({ id, modulePath, exportName, argument }) => {
  try {
    const fn = require(modulePath)[exportName];
    if (typeof fn !== 'function') throw new TypeError(`${modulePath} does not export a function named ${exportName}`);
    parentPort.postMessage({ id, result: fn(argument) });
  } catch (err) {
    parentPort.postMessage({ id, error: describe(err) });
  }
});
