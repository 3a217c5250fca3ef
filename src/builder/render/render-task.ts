/** Task states: the integration's Resource and how the user's payload sits in its arguments. */
import type { TaskState } from '../../asl/definition';
import type { Template } from '../expression';
import type { Integration, TaskConfig } from '../state-config';
import type { TaskDefinition } from '../task-definition';
import type { Dialect } from './dialect';
import { renderErrorHandling } from './render-error-handling';

export interface IntegrationTargets {
  functionName(task: TaskDefinition): string;
  stateMachineArn(name: string): string;
}

export function renderTask(config: TaskConfig, where: string, dialect: Dialect, targets: IntegrationTargets): Omit<TaskState, 'Next' | 'End'> {
  return {
    Type: 'Task',
    ...(config.comment !== undefined && { Comment: config.comment }),
    Resource: resourceOf(config.integration),
    ...dialect.payload('Arguments', integrationArguments(config.integration, config.arguments, targets), where),
    ...(config.timeoutSeconds !== undefined && { TimeoutSeconds: config.timeoutSeconds }),
    ...(config.heartbeatSeconds !== undefined && { HeartbeatSeconds: config.heartbeatSeconds }),
    ...dialect.output(config.output, 'result', where),
    ...dialect.assign(config.assign, 'result', where),
    ...renderErrorHandling(config, where, dialect),
  };
}

function resourceOf(integration: Integration): string {
  switch (integration.kind) {
    case 'lambda':
      return `arn:aws:states:::lambda:invoke${integration.callback ? '.waitForTaskToken' : ''}`;
    case 'startExecution':
      return `arn:aws:states:::states:startExecution${integration.sync ? '.sync:2' : ''}`;
    case 'putEvents':
      return 'arn:aws:states:::events:putEvents';
  }
}

function literal(value: string): Template {
  return { kind: 'literal', value };
}

/** The service API's parameters, with the user's typed payload in its place. */
function integrationArguments(integration: Integration, payload: Template, targets: IntegrationTargets): Template {
  switch (integration.kind) {
    case 'lambda':
      return { kind: 'object', fields: { FunctionName: literal(targets.functionName(integration.task)), Payload: payload } };
    case 'startExecution':
      return { kind: 'object', fields: { StateMachineArn: literal(targets.stateMachineArn(integration.stateMachine)), Input: payload } };
    case 'putEvents': {
      const { event } = integration;
      const entry: Record<string, Template> = { Source: literal(event.source), DetailType: literal(event.detailType), Detail: payload };
      if (event.eventBusName !== undefined) entry.EventBusName = literal(event.eventBusName);
      return { kind: 'object', fields: { Entries: { kind: 'array', items: [{ kind: 'object', fields: entry }] } } };
    }
  }
}
