/**
 * The `statecraft` command.
 *   statecraft serve [--port N] [--host H] [--data-dir D] [--functions DIR] [--clock wall|virtual]
 *   statecraft run <workflow | definition.asl.json> --input <json|@file>
 *   statecraft upload <file> s3://bucket/key
 *   statecraft executions [--endpoint URL] [--state-machine ARN]
 *   statecraft history <executionArn> [--endpoint URL]
 *   statecraft models [list|show|approve|reject] … [--endpoint URL]
 */
import { runCommand } from './run';
import { serveCommand } from './serve';
import { executionsCommand, historyCommand } from './client';
import { modelsCommand } from './models';
import { uploadCommand } from './upload';
import { UsageError } from './args';

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  serve: serveCommand,
  run: runCommand,
  executions: executionsCommand,
  history: historyCommand,
  upload: uploadCommand,
  models: modelsCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`usage: statecraft <${Object.keys(COMMANDS).join('|')}> [options]\n`);
    return name ? 2 : 0;
  }
  return command(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (err: unknown) => {
    const known = err instanceof UsageError || (err instanceof Error && err.name !== 'Error');
    process.stderr.write(`statecraft: ${known ? (err as Error).message : String((err as Error)?.stack ?? err)}\n`);
    process.exitCode = 1;
  },
);
