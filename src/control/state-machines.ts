/**
 * CreateStateMachine, UpdateStateMachine, DeleteStateMachine, DescribeStateMachine and
 * ListStateMachines over the store.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html
 */
import type {
  CreateStateMachineInput,
  CreateStateMachineOutput,
  DescribeStateMachineOutput,
  ListStateMachinesInput,
  ListStateMachinesOutput,
  UpdateStateMachineInput,
  UpdateStateMachineOutput,
} from '@aws-sdk/client-sfn';
import type { Clock } from '../clock/clock';
import type { StateMachineRecord, StateMachineStore, StateMachineType } from '../store';
import { parseDefinition } from './definition-validation';
import { StateMachineAlreadyExists, StateMachineDoesNotExist, ValidationException } from './errors';
import { checkName, parseStateMachineArn, stateMachineArn, type Location } from './names';
import { paginate } from './pagination';

const TYPES: readonly StateMachineType[] = ['STANDARD', 'EXPRESS'];

export class StateMachines {
  constructor(
    private readonly store: StateMachineStore,
    private readonly clock: Clock,
    private readonly location: Location,
  ) {}

  create(input: CreateStateMachineInput): CreateStateMachineOutput {
    const name = requiredString(input.name, 'name');
    checkName(name);
    const definition = requiredString(input.definition, 'definition');
    parseDefinition(definition);
    const roleArn = requiredString(input.roleArn, 'roleArn');
    const type = (input.type ?? 'STANDARD') as StateMachineType;
    if (!TYPES.includes(type)) throw new ValidationException(`Value '${String(type)}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]`);
    const arn = stateMachineArn(this.location, name);
    const existing = this.store.get(arn);
    if (existing) {
      // CreateStateMachine is idempotent: the same request again returns the existing machine.
      if (existing.definition === definition && existing.roleArn === roleArn && existing.type === type) {
        return { stateMachineArn: arn, creationDate: new Date(existing.creationDate) };
      }
      throw new StateMachineAlreadyExists(`State Machine Already Exists: '${arn}'`);
    }
    const now = this.clock.now();
    this.store.put({ arn, name, definition, roleArn, type, creationDate: now, updateDate: now, revision: 1 });
    return { stateMachineArn: arn, creationDate: new Date(now) };
  }

  update(input: UpdateStateMachineInput): UpdateStateMachineOutput {
    const record = this.get(input.stateMachineArn);
    if (input.definition === undefined && input.roleArn === undefined) {
      throw new ValidationException('Either the definition or the roleArn must be specified');
    }
    if (input.definition !== undefined) parseDefinition(requiredString(input.definition, 'definition'));
    const now = this.clock.now();
    const updated: StateMachineRecord = {
      ...record,
      definition: input.definition ?? record.definition,
      roleArn: input.roleArn ?? record.roleArn,
      updateDate: now,
      revision: record.revision + 1,
    };
    this.store.put(updated);
    return { updateDate: new Date(now), revisionId: String(updated.revision) };
  }

  delete(arn: unknown): void {
    parseStateMachineArn(arn);
    this.store.delete(arn as string);
  }

  describe(arn: unknown): DescribeStateMachineOutput {
    const r = this.get(arn);
    return {
      stateMachineArn: r.arn,
      name: r.name,
      status: 'ACTIVE',
      definition: r.definition,
      roleArn: r.roleArn,
      type: r.type,
      creationDate: new Date(r.creationDate),
      loggingConfiguration: { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: { enabled: false },
      revisionId: String(r.revision),
    };
  }

  list(input: ListStateMachinesInput): ListStateMachinesOutput {
    const page = paginate(input, (offset, limit) => this.store.list(offset, limit));
    return {
      stateMachines: page.items.map((r) => ({ stateMachineArn: r.arn, name: r.name, type: r.type, creationDate: new Date(r.creationDate) })),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  }

  /** The machine, or StateMachineDoesNotExist (InvalidArn for something that is not a state machine ARN). */
  get(arn: unknown): StateMachineRecord {
    parseStateMachineArn(arn);
    const record = this.store.get(arn as string);
    if (!record) throw new StateMachineDoesNotExist(`State Machine Does Not Exist: '${String(arn)}'`);
    return record;
  }
}

export function requiredString(value: unknown, field: string): string {
  if (typeof value !== 'string') {
    throw new ValidationException(`1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}
