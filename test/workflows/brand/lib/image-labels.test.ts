/** The image-level labels file of `statecraft brand evaluate`, as FlickrLogos-27's query file is written. */
import { ImageLabelsError, parseImageLabels } from '../../../../workflows/brand/lib/image-labels';

test('one image per line, tab or spaces between, "none" in any case for no logo, blank lines skipped', () => {
  expect(parseImageLabels('a.jpg\tAdidas\r\n\nb.jpg   none\nc.jpg\tNONE\na.jpg\tAdidas\n')).toEqual([
    { image: 'a.jpg', expected: 'Adidas' },
    { image: 'b.jpg', expected: 'none' },
    { image: 'c.jpg', expected: 'none' },
  ]);
});

test.each([
  ['a line without a brand', 'a.jpg\tAdidas\nb.jpg\n', 'Line 2: expected "image<TAB>brand" (brand "none" for no logo), got 1 fields.'],
  ['a line with a third column', 'a.jpg Adidas 1\n', 'Line 1: expected "image<TAB>brand" (brand "none" for no logo), got 3 fields.'],
  ['an image labelled twice, differently', 'a.jpg\tAdidas\na.jpg\tNike\n', 'Line 2: a.jpg is labelled both Adidas and Nike.'],
  ['an empty file', '\n\n', 'The labels file names no image.'],
])('refuses %s, naming the line', (_what, text, message) => {
  expect(() => parseImageLabels(text)).toThrow(new ImageLabelsError(message));
});
