/** Retry and Catch of Task, Map and Parallel states. */
import type { Catcher, Retrier } from '../../asl/definition';
import { BuilderError } from '../builder-error';
import type { ErrorHandlingConfig } from '../state-config';
import type { Dialect } from './dialect';

export function renderErrorHandling(config: ErrorHandlingConfig, where: string, dialect: Dialect): { Retry?: Retrier[]; Catch?: Catcher[] } {
  return {
    ...(config.retry && config.retry.length > 0 && { Retry: config.retry.map((retrier) => ({ ...retrier })) }),
    ...(config.catch && config.catch.length > 0 && {
      Catch: config.catch.map((catcher) => {
        if (dialect.language === 'JSONPath' && (catcher.output || catcher.assign)) {
          throw new BuilderError(`${where}: Catch output and assign need the JSONata query language`);
        }
        return {
          ErrorEquals: [...catcher.errors],
          Next: catcher.next,
          ...dialect.output(catcher.output, 'input', where),
          ...dialect.assign(catcher.assign, 'input', where),
        } as Catcher;
      }),
    }),
  };
}
