// A worker thread of the compute pool. Plain JavaScript so that it starts the same way under node,
// tsx and jest: it registers tsx's require hook, then runs the jobs it is sent, one at a time.
require('tsx/cjs');
const { parentPort } = require('node:worker_threads');

const describe = (err) => (err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : { name: 'Error', message: String(err) });

/** The `defineJob` declaration named `jobName` among the module's exports. */
function findJob(modulePath, jobName) {
  const job = Object.values(require(modulePath)).find((value) => value && value.kind === 'job' && value.name === jobName);
  if (!job) throw new TypeError(`${modulePath} exports no job named ${jobName}`);
  return job;
}

// A job may return a promise (a WebAssembly module that compiles asynchronously, an image decoder):
// the worker replies when it settles, and still runs one job at a time.
parentPort.on('message', async ({ id, modulePath, jobName, argument }) => {
  try {
    parentPort.postMessage({ id, result: await findJob(modulePath, jobName).run(argument) });
  } catch (err) {
    parentPort.postMessage({ id, error: describe(err) });
  }
});
