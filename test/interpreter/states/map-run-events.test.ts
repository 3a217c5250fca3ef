import { runDefinition, shape } from '../run-definition';

test("a succeeded distributed Map's Exited event links to MapRunStarted, as AWS records since late 2024", async () => {
  const definition = {
    StartAt: 'M',
    States: {
      M: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true },
    },
  };
  const { events } = await runDefinition(definition, [1, 2]);
  expect(shape(events)).toEqual([
    '1:ExecutionStarted<0',
    '2:MapStateEntered<0',
    '3:MapStateStarted<2',
    '4:MapRunStarted<3',
    '5:MapRunSucceeded<4',
    '6:MapStateSucceeded<5',
    '7:MapStateExited<4',
    '8:ExecutionSucceeded<7',
  ]);
});
