/**
 * One state machine per workflow, from the very ASL the local engine runs: rendered with
 * placeholders where function and state machine ARNs go, which CloudFormation substitutes. Its
 * role is derived from the ASL's references; executions are logged in full and traced.
 */
import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { Workflow } from '../../src/builder';
import { aslReferences } from '../iam/asl-references';
import { placeholder, placeholderKey } from '../iam/placeholders';
import { addReasonedStatements } from '../iam/reasoned-statement';
import { stateMachineArn, stateMachineStatements } from '../iam/state-machine-statements';

export interface WorkflowStateMachineProps {
  readonly workflow: Workflow<unknown, unknown>;
  /** The deployed function of each task, by task name. */
  readonly functions: ReadonlyMap<string, lambda.IFunction>;
}

export class WorkflowStateMachine extends Construct {
  readonly stateMachine: sfn.StateMachine;
  /** The definition as deployed, before CloudFormation substitutes the placeholders. */
  readonly definitionString: string;

  constructor(scope: Construct, id: string, props: WorkflowStateMachineProps) {
    super(scope, id);
    const { workflow, functions } = props;
    const stack = Stack.of(this);
    const definition = workflow.definition({
      functionName: (task) => placeholder('function', task.name),
      stateMachineArn: (name) => placeholder('stateMachine', name),
    });
    this.definitionString = JSON.stringify(definition);
    const substitutions: Record<string, string> = {};
    const byReference = new Map<string, string>();
    for (const task of workflow.tasks()) {
      const fn = functions.get(task.name);
      if (!fn) throw new Error(`workflow ${workflow.name}: no function deployed for task "${task.name}"`);
      substitutions[placeholderKey('function', task.name)] = fn.functionArn;
      byReference.set(placeholder('function', task.name), fn.functionArn);
    }
    const startedByReference = new Map<string, string>();
    for (const name of workflow.nestedStateMachines()) {
      // Built from the name rather than referenced, so workflows may start each other without a cycle.
      substitutions[placeholderKey('stateMachine', name)] = stateMachineArn(stack, name);
      startedByReference.set(placeholder('stateMachine', name), name);
    }
    const logGroup = new logs.LogGroup(this, 'Logs', {
      // Step Functions asks for this prefix so that log delivery does not hit the resource policy size limit.
      logGroupName: `/aws/vendedlogs/states/${workflow.name}`,
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName: workflow.name,
      definitionBody: sfn.DefinitionBody.fromString(this.definitionString),
      definitionSubstitutions: substitutions,
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: true },
      tracingEnabled: true,
    });
    const resolver = {
      functionArn: (reference: string) => lookup(byReference, reference, workflow.name),
      stateMachineName: (reference: string) => lookup(startedByReference, reference, workflow.name),
    };
    addReasonedStatements(this.stateMachine.role, this.stateMachine.role, stateMachineStatements(stack, workflow.name, aslReferences(definition), resolver));
    Validations.of(this.stateMachine.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Logging to CloudWatch (logs:*LogDelivery, DescribeLogGroups, ...) and X-Ray tracing support no resource-level permissions.',
    });
  }
}

function lookup(map: ReadonlyMap<string, string>, reference: string, workflow: string): string {
  const found = map.get(reference);
  if (found === undefined) throw new Error(`workflow ${workflow}: the ASL references ${reference}, which is neither a task nor a workflow it declares`);
  return found;
}
