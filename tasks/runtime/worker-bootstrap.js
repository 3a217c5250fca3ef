// A worker thread of the compute pool. Plain JavaScript so that it starts the same way under node,
// tsx and jest: it registers tsx's require hook, runs the pool's setup functions (e.g. loading a
// WebAssembly build), then runs the jobs it is sent, one at a time.
require('tsx/cjs');
const { parentPort, workerData } = require('node:worker_threads');

const describe = (err) => (err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : { name: 'Error', message: String(err) });
const call = (modulePath, exportName, argument) => {
  const fn = require(modulePath)[exportName];
  if (typeof fn !== 'function') throw new TypeError(`${modulePath} does not export a function named ${exportName}`);
  return fn(argument);
};

const ready = (workerData?.setup ?? []).reduce((previous, step) => previous.then(() => call(step.modulePath, step.exportName)), Promise.resolve());
// A failed setup fails every job with its error, so the pool reports it instead of hanging.
const setupError = ready.then(() => undefined, describe);

parentPort.on('message', ({ id, modulePath, exportName, argument }) => {
  setupError.then((error) => {
    if (error) return parentPort.postMessage({ id, error });
    try {
      parentPort.postMessage({ id, result: call(modulePath, exportName, argument) });
    } catch (err) {
      parentPort.postMessage({ id, error: describe(err) });
    }
  });
});
