/**
 * The `statecraft` command, over the workflow registry it is given (`bin/statecraft.js` passes the
 * shipped one).
 *   statecraft serve [--port N] [--host H] [--data-dir D] [--functions DIR] [--clock wall|virtual]
 *   statecraft run <workflow | definition.asl.json> --input <json|@file>
 *   statecraft synth [outDir]
 *   statecraft upload <file> s3://bucket/key
 *   statecraft executions [--endpoint URL] [--state-machine ARN]
 *   statecraft history <executionArn> [--endpoint URL]
 *   statecraft models [list|show|approve|reject] … [--endpoint URL]
 */
import type { WorkflowRegistry } from '../builder/workflow-package';
import { runCommand } from './run';
import { serveCommand } from './serve';
import { executionsCommand, historyCommand } from './client';
import { modelsCommand } from './models';
import { synthCommand } from './synth';
import { uploadCommand } from './upload';
import { UsageError } from './args';

type Command = (argv: string[], registry: WorkflowRegistry) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  serve: serveCommand,
  run: runCommand,
  synth: synthCommand,
  executions: executionsCommand,
  history: historyCommand,
  upload: uploadCommand,
  models: modelsCommand,
};

async function dispatch(argv: string[], registry: WorkflowRegistry): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`usage: statecraft <${Object.keys(COMMANDS).join('|')}> [options]\n`);
    return name ? 2 : 0;
  }
  return command(rest, registry);
}

export function main(argv: string[], registry: WorkflowRegistry): void {
  dispatch(argv, registry).then(
    (code) => {
      if (code !== 0) process.exitCode = code;
    },
    (err: unknown) => {
      const known = err instanceof UsageError || (err instanceof Error && err.name !== 'Error');
      process.stderr.write(`statecraft: ${known ? (err as Error).message : String((err as Error)?.stack ?? err)}\n`);
      process.exitCode = 1;
    },
  );
}
