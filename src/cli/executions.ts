/** `statecraft executions`: the executions of a running server, through the Step Functions API as the AWS SDK reads them. */
import { parseArgs } from 'node:util';
import { ListExecutionsCommand, ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { localClientConfig } from './endpoint';

export async function executionsCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { endpoint: { type: 'string' }, 'state-machine': { type: 'string' } } });
  const sfn = new SFNClient(localClientConfig(values.endpoint));
  try {
    const machines = values['state-machine'] ? [values['state-machine']] : await stateMachineArns(sfn);
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
  } finally {
    sfn.destroy();
  }
}

async function stateMachineArns(sfn: SFNClient): Promise<string[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new ListStateMachinesCommand({ nextToken }));
    arns.push(...(page.stateMachines ?? []).map((m) => m.stateMachineArn!));
    nextToken = page.nextToken;
  } while (nextToken);
  return arns;
}
