/**
 * One Lambda function per task: the task's handler bundled with esbuild, its own role holding only
 * what the task declares (plus writing its own log group and traces), active tracing, and a log
 * group with a retention so logs do not pile up forever.
 */
import { Duration, RemovalPolicy, Size, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { TaskDefinition, WorkflowPackage } from '../../src/builder';
import { bundleTask } from '../bundling/bundle-task';
import { addReasonedStatements, wildcard, type ReasonedStatement } from '../iam/reasoned-statement';

export interface TaskFunctionProps {
  readonly task: TaskDefinition;
  /** The package whose module the function's bundle imports. */
  readonly package: WorkflowPackage;
  /** What the role may do beyond logging and tracing, derived from the task's declared access. */
  readonly statements: readonly ReasonedStatement[];
  readonly environment: Readonly<Record<string, string>>;
  readonly repositoryRoot: string;
  /** Where this task's bundle is written. */
  readonly bundleDir: string;
  /** @default 512 */
  readonly defaultMemoryMb?: number;
}

/** Lambda's own ceiling; a task's TimeoutSeconds above it cannot be honoured by one invocation. */
const MAX_LAMBDA_TIMEOUT_SECONDS = 900;

export class TaskFunction extends Construct {
  readonly function: lambda.Function;

  constructor(scope: Construct, id: string, props: TaskFunctionProps) {
    super(scope, id);
    const { task } = props;
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    // An own role instead of the default: the default attaches the AWS-managed basic execution policy.
    const role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), description: `task ${task.name}` });
    const code = bundleTask(props.package, task.name, { repositoryRoot: props.repositoryRoot, outDir: props.bundleDir });
    this.function = new lambda.Function(this, 'Function', {
      description: `statecraft task ${task.name}`,
      runtime: lambda.Runtime.NODEJS_24_X,
      // The bundle carries native addons compiled where synth runs; LAMBDA_PLATFORM says which platform synth checks them for.
      architecture: lambda.Architecture.X86_64,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(code),
      role,
      logGroup,
      memorySize: task.memoryMb ?? props.defaultMemoryMb ?? 512,
      ...(task.ephemeralStorageMb !== undefined && { ephemeralStorageSize: Size.mebibytes(task.ephemeralStorageMb) }),
      timeout: Duration.seconds(Math.min(task.timeoutSeconds ?? 300, MAX_LAMBDA_TIMEOUT_SECONDS)),
      tracing: lambda.Tracing.ACTIVE,
      environment: { ...props.environment, STATECRAFT_TASK: task.name },
    });
    const logStreams = new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] });
    addReasonedStatements(role, role, [wildcard(logStreams, 'Lambda names a log stream per execution environment; the grant covers only streams of this function\'s log group.'), ...props.statements]);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions.',
    });
  }
}
