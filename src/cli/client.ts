/**
 * `statecraft executions` and `statecraft history`: read from a running server through the
 * Step Functions API, exactly as the AWS SDK would.
 */
import { parseArgs } from 'node:util';
import { GetExecutionHistoryCommand, ListExecutionsCommand, ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { UsageError } from './args';
import { localClientConfig } from './endpoint';

function client(endpoint: string | undefined): SFNClient {
  return new SFNClient(localClientConfig(endpoint));
}

export async function executionsCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { endpoint: { type: 'string' }, 'state-machine': { type: 'string' } } });
  const sfn = client(values.endpoint);
  const machines = values['state-machine']
    ? [values['state-machine']]
    : ((await sfn.send(new ListStateMachinesCommand({}))).stateMachines ?? []).map((m) => m.stateMachineArn!);
  for (const stateMachineArn of machines) {
    let nextToken: string | undefined;
    do {
      const page = await sfn.send(new ListExecutionsCommand({ stateMachineArn, nextToken }));
      for (const e of page.executions ?? []) {
        process.stdout.write(`${e.status?.padEnd(10)} ${e.startDate?.toISOString()} ${e.executionArn}\n`);
      }
      nextToken = page.nextToken;
    } while (nextToken);
  }
  return 0;
}

export async function historyCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { endpoint: { type: 'string' } } });
  const executionArn = positionals[0];
  if (!executionArn) throw new UsageError('usage: statecraft history <executionArn> [--endpoint URL]');
  const sfn = client(values.endpoint);
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn, nextToken }));
    for (const e of page.events ?? []) {
      const detailsKey = Object.keys(e).find((k) => k.endsWith('EventDetails')) as keyof typeof e | undefined;
      const details = detailsKey ? JSON.stringify(e[detailsKey]) : '';
      process.stdout.write(`${String(e.id).padStart(4)} ${e.timestamp?.toISOString()} ${e.type} ${details}\n`);
    }
    nextToken = page.nextToken;
  } while (nextToken);
  return 0;
}
