/**
 * `statecraft synth` (`npm run synth`): writes every registered workflow's ASL (`<workflow>.asl.json`)
 * and every payload schema (`<name>.schema.json`: workflow inputs and outputs, task inputs and
 * outputs, custom events) to a build folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TSchema } from '@sinclair/typebox';
import type { WorkflowEntry } from '../builder/workflow-package';

export interface SynthFile {
  name: string;
  content: unknown;
}

/** Every file synth writes, by file name; the same schema reached twice is written once. */
export function synthFiles(workflows: readonly WorkflowEntry[]): SynthFile[] {
  const files = new Map<string, unknown>();
  for (const { name, workflow } of workflows) {
    files.set(`${name}.asl.json`, workflow.definition());
    files.set(`${name}.input.schema.json`, jsonSchema(`${name} input`, workflow.props.input));
    if (workflow.props.output) files.set(`${name}.output.schema.json`, jsonSchema(`${name} output`, workflow.props.output));
    for (const task of workflow.tasks()) {
      files.set(`${task.name}.input.schema.json`, jsonSchema(`${task.name} input`, task.input));
      files.set(`${task.name}.output.schema.json`, jsonSchema(`${task.name} output`, task.output));
    }
    for (const event of workflow.emittedEvents()) {
      files.set(`${event.detailType}.schema.json`, jsonSchema(`${event.source} ${event.detailType} detail`, event.detail));
    }
  }
  return [...files].map(([name, content]) => ({ name, content }));
}

export function synthesize(outDir: string, workflows: readonly WorkflowEntry[]): string[] {
  mkdirSync(outDir, { recursive: true });
  return synthFiles(workflows).map(({ name, content }) => {
    const path = join(outDir, name);
    writeFileSync(path, JSON.stringify(content, null, 2) + '\n');
    return path;
  });
}

/** TypeBox schemas are JSON Schema already; their Symbol-keyed metadata does not serialise. */
function jsonSchema(title: string, schema: TSchema): Record<string, unknown> {
  return { $schema: 'http://json-schema.org/draft-07/schema#', title, ...(JSON.parse(JSON.stringify(schema)) as Record<string, unknown>) };
}
