/**
 * The IAM statements a state machine's role gets, derived only from what its ASL references:
 * invoke exactly those functions, start exactly those state machines (and watch the children it
 * waits for), put events only on the buses named, with only the sources named.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/stepfunctions-iam.html
 */
import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { AslReferences } from './asl-references';
import { exact, wildcard, type ReasonedStatement } from './reasoned-statement';

export interface ReferenceResolver {
  /** The ARN of the function a rendered `FunctionName` stands for. */
  functionArn(reference: string): string;
  /** The name of the state machine a rendered `StateMachineArn` stands for. */
  stateMachineName(reference: string): string;
}

/** The rule Step Functions manages to learn when a `.sync` child finishes. */
const SYNC_RULE = 'StepFunctionsGetEventsForStepFunctionsExecutionRule';

export function stateMachineStatements(stack: Stack, selfName: string, refs: AslReferences, resolver: ReferenceResolver): ReasonedStatement[] {
  const statements: ReasonedStatement[] = [];
  if (refs.functionNames.length > 0) {
    statements.push(exact(allow(['lambda:InvokeFunction'], refs.functionNames.map((name) => resolver.functionArn(name)))));
  }
  const started = refs.stateMachineArns.map((reference) => resolver.stateMachineName(reference));
  if (refs.distributedMap) started.push(selfName);
  if (started.length > 0) {
    statements.push(exact(allow(['states:StartExecution'], started.map((name) => stateMachineArn(stack, name)))));
    statements.push(
      wildcard(
        allow(['states:DescribeExecution', 'states:StopExecution'], started.flatMap((name) => executionArns(stack, name))),
        'Execution ids are generated at start; the ARNs are limited to executions of the state machines this one starts.',
      ),
    );
  }
  if (refs.waitsForChildren) {
    const rule = stack.formatArn({ service: 'events', resource: 'rule', resourceName: SYNC_RULE });
    statements.push(exact(allow(['events:DescribeRule', 'events:PutRule', 'events:PutTargets'], [rule])));
  }
  for (const [bus, sources] of sourcesByBus(refs)) {
    const busArn = stack.formatArn({ service: 'events', resource: 'event-bus', resourceName: bus });
    statements.push(exact(new iam.PolicyStatement({ actions: ['events:PutEvents'], resources: [busArn], conditions: { StringEquals: { 'events:source': sources } } })));
  }
  return statements;
}

export function stateMachineArn(stack: Stack, name: string): string {
  return stack.formatArn({ service: 'states', resource: 'stateMachine', resourceName: name, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
}

/** Executions started directly (`name:id`) and by a Distributed Map's runs (`name/label:id`). */
function executionArns(stack: Stack, name: string): string[] {
  return [`${name}:*`, `${name}/*`].map((resourceName) =>
    stack.formatArn({ service: 'states', resource: 'execution', resourceName, arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
  );
}

function sourcesByBus(refs: AslReferences): Map<string, string[]> {
  const byBus = new Map<string, string[]>();
  for (const { eventBusName, source } of refs.events) byBus.set(eventBusName, [...(byBus.get(eventBusName) ?? []), source]);
  return byBus;
}

function allow(actions: string[], resources: string[]): iam.PolicyStatement {
  return new iam.PolicyStatement({ actions, resources });
}
