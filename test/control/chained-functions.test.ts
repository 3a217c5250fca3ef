import { StatesError } from '../../src/asl/errors';
import { ChainedLambdaInvoker } from '../../src/control';
import type { LambdaInvoker } from '../../src/interpreter/integrations/services';

const options = { signal: new AbortController().signal, requestId: 'req-1' };
const notFound = (label: string) => new StatesError('Lambda.ResourceNotFoundException', `${label}: not found`, false);

/** A runtime that knows `names` and answers with its label. */
function runtime(label: string, names: string[]): LambdaInvoker {
  return {
    invoke: async (name) => {
      if (!names.includes(name)) throw notFound(label);
      return { payload: JSON.stringify(label), executedVersion: '$LATEST' };
    },
  };
}

const chain = new ChainedLambdaInvoker([runtime('tasks', ['Split', 'shared']), runtime('functions', ['hello', 'shared'])]);

test.each([
  ['a function only the first runtime has', 'Split', '"tasks"'],
  ['a function only a later runtime has', 'hello', '"functions"'],
  ['a name both have goes to the first', 'shared', '"tasks"'],
])('%s', async (_, name, payload) => {
  expect((await chain.invoke(name, {}, options)).payload).toBe(payload);
});

test('a function no runtime has fails with the last runtime’s ResourceNotFoundException', async () => {
  await expect(chain.invoke('missing', {}, options)).rejects.toMatchObject({ error: 'Lambda.ResourceNotFoundException', cause: 'functions: not found' });
});

test('any other failure is not masked by trying the next runtime', async () => {
  const broken: LambdaInvoker = { invoke: async () => { throw new StatesError('Lambda.ServiceException', 'bad module', false); } };
  await expect(new ChainedLambdaInvoker([broken, runtime('functions', ['hello'])]).invoke('hello', {}, options)).rejects.toMatchObject({ error: 'Lambda.ServiceException' });
});
