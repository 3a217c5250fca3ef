import { parseFlickrLogos, parseGroundTruth, splitByImage, toGroundTruthManifest } from '../../../../workflows/brand/lib/annotations';

describe('FlickrLogos-27 annotations', () => {
  test('repeats of a box (one per cumulative subset) are counted once; degenerate boxes are refused by name', () => {
    const text = ['a.jpg Adidas 1 10 20 110 70', 'a.jpg Adidas 2 10 20 110 70', 'a.jpg Nike 2 0 0 5 5', 'b.jpg RedBull 1 30 30 30 30', 'b.jpg RedBull 1 40 40 20 90', ''].join('\n');
    expect(parseFlickrLogos(text)).toEqual({
      images: [
        { image: 'a.jpg', boxes: [{ label: 'Adidas', left: 10, top: 20, width: 100, height: 50 }, { label: 'Nike', left: 0, top: 0, width: 5, height: 5 }] },
      ],
      refused: [
        { image: 'b.jpg', label: 'RedBull', line: 4, reason: 'the box has no area (0×0 px)' },
        { image: 'b.jpg', label: 'RedBull', line: 5, reason: 'the box has no area (-20×50 px)' },
      ],
      duplicates: 1,
    });
  });

  test('a line with the wrong number of fields is an error naming the line', () => {
    expect(() => parseFlickrLogos('a.jpg Adidas 1 10 20 110')).toThrow('Line 1: expected "image brand subset x1 y1 x2 y2", got 6 fields.');
  });
});

describe('Ground Truth bounding-box output manifests', () => {
  const line = (image: string, annotations: object[]) =>
    JSON.stringify({
      'source-ref': `s3://bucket/images/${image}`,
      'logos-job': { image_size: [{ width: 400, height: 300, depth: 3 }], annotations },
      'logos-job-metadata': { 'class-map': { '0': 'Adidas', '1': 'Nike' }, type: 'groundtruth/object-detection', 'human-annotated': 'yes' },
    });

  test('boxes by class-map, images without boxes kept as negatives, zero-area boxes refused', () => {
    const text = [
      line('a.jpg', [{ class_id: 1, left: 5, top: 6, width: 50, height: 40 }, { class_id: 1, left: 5, top: 6, width: 50, height: 40 }, { class_id: 0, left: 1, top: 1, width: 0, height: 9 }]),
      line('b.jpg', []),
    ].join('\n');
    expect(parseGroundTruth(text)).toEqual({
      images: [
        { image: 'a.jpg', boxes: [{ label: 'Nike', left: 5, top: 6, width: 50, height: 40 }] },
        { image: 'b.jpg', boxes: [] },
      ],
      refused: [{ image: 'a.jpg', label: 'Adidas', line: 1, reason: 'the box has no area (0×9 px)' }],
      duplicates: 1,
    });
  });

  test.each([
    ['not JSON', '{', 'Line 1 is not JSON.'],
    ['no source-ref', '{"x": 1}', 'Line 1 has no "source-ref".'],
    ['no bounding-box label', '{"source-ref": "s3://b/a.jpg"}', 'Line 1 has no bounding-box label'],
    ['an unknown class', line('a.jpg', [{ class_id: 7, left: 0, top: 0, width: 5, height: 5 }]), 'Line 1: class_id 7 is not in the class-map.'],
  ])('%s is an error', (_what, text, message) => {
    expect(() => parseGroundTruth(text)).toThrow(message);
  });

  test('what the labeling page writes reads back the same', () => {
    const boxes = [{ label: 'Nike', left: 1, top: 2, width: 30, height: 40 }];
    const manifest = toGroundTruthManifest([{ sourceRef: 's3://b/x/a.jpg', width: 100, height: 80, boxes }], ['Adidas', 'Nike'], 'job-1');
    expect(parseGroundTruth(manifest).images).toEqual([{ image: 'a.jpg', boxes }]);
  });
});

test('the split is by image, seeded, about 80/20 and tests every label with two or more images', () => {
  const images = Array.from({ length: 20 }, (_, i) => ({ image: `${i}.jpg`, boxes: [{ label: i % 2 ? 'A' : 'B', left: 0, top: 0, width: 5, height: 5 }] }));
  const first = splitByImage(images, 0.2, 7);
  expect(splitByImage(images, 0.2, 7)).toEqual(first);
  expect(splitByImage(images, 0.2, 8)).not.toEqual(first);
  expect([first.train.length, first.test.length]).toEqual([16, 4]);
  expect(new Set(first.test.map((i) => i.boxes[0]!.label))).toEqual(new Set(['A', 'B']));
  expect(first.train.filter((i) => first.test.includes(i))).toEqual([]);
});
