import { jsonataDialect, jsonPathDialect } from '../../../src/builder/render/dialect';
import { renderMap } from '../../../src/builder/render/render-map';
import type { MapConfig } from '../../../src/builder/state-config';
import { StateGraph } from '../../../src/builder/graph';

const processor = { StartAt: 'Done', States: { Done: { Type: 'Succeed' as const } } };
const items = { kind: 'path', root: 'input', segments: ['items'] } as const;
const base: MapConfig = { type: 'Map', mode: 'INLINE', items, processor: new StateGraph() };

describe('renderMap', () => {
  test('an inline Map over a path', () => {
    expect(renderMap(base, 'S', jsonataDialect, processor)).toEqual({
      Type: 'Map',
      Items: '{% $states.input.items %}',
      ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, ...processor },
    });
  });

  test('a distributed Map without an execution type runs STANDARD children', () => {
    expect(renderMap({ ...base, mode: 'DISTRIBUTED' }, 'S', jsonPathDialect, processor)).toEqual({
      Type: 'Map',
      ItemsPath: '$.items',
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, ...processor },
    });
  });

  test('an ItemReader without ReaderConfig writes none', () => {
    const config: MapConfig = { ...base, mode: 'DISTRIBUTED', items: undefined, itemReader: { resource: 'arn:aws:states:::s3:listObjectsV2', arguments: { kind: 'object', fields: { Bucket: { kind: 'literal', value: 'b' } } } } };
    expect(renderMap(config, 'S', jsonataDialect, processor).ItemReader).toEqual({ Resource: 'arn:aws:states:::s3:listObjectsV2', Arguments: { Bucket: 'b' } });
  });

  test.each([
    ['ItemBatcher', { itemBatcher: items }],
    ['ResultWriter', { resultWriter: items }],
  ] as const)('a %s that is not an object is refused', (name, change) => {
    expect(() => renderMap({ ...base, mode: 'DISTRIBUTED', ...change }, 'S', jsonataDialect, processor)).toThrow(`S.${name}: expected an object`);
  });
});
