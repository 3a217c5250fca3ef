/**
 * `statecraft serve` (what `npm start` runs): the local engine with its AWS-compatible endpoint.
 * Listens on 127.0.0.1 unless told otherwise; keeps everything under --data-dir.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from '../api';
import { createS3Handler } from '../api/s3';
import { VirtualClock, WallClock } from '../clock/clock';
import { Engine } from '../control/engine';
import { DirectoryLambdaInvoker } from '../control/functions';
import { ObjectStore } from '../objects';
import { UsageError } from './args';

export const DEFAULT_PORT = 4599;
const REGION = 'us-east-1';
const ACCOUNT = '000000000000';

export async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: String(DEFAULT_PORT) },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string', default: '.statecraft' },
      functions: { type: 'string', default: 'functions' },
      clock: { type: 'string', default: 'wall' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not '${values.port}'`);
  if (values.clock !== 'wall' && values.clock !== 'virtual') throw new UsageError(`--clock must be 'wall' or 'virtual', not '${values.clock}'`);
  const dataDir = resolve(values['data-dir']!);
  mkdirSync(dataDir, { recursive: true });

  const objects = await ObjectStore.open({ dataDir, region: REGION, account: ACCOUNT });
  const engine = new Engine({
    dataDir,
    clock: values.clock === 'virtual' ? new VirtualClock() : new WallClock(),
    region: REGION,
    account: ACCOUNT,
    lambda: new DirectoryLambdaInvoker(resolve(values.functions!), { region: REGION, account: ACCOUNT }),
    objects,
  });
  const server = await createServer(engine, { host: values.host, port, s3Handler: createS3Handler(objects, { region: REGION, account: ACCOUNT }) });
  process.stdout.write(`statecraft listening on ${server.url} (data in ${dataDir})\n`);

  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  engine.close();
  return 0;
}
