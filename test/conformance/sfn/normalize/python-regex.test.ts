import { loadSfnCases } from '../corpus';
import { pythonRegExp, pythonSub } from './python-regex';

// Expected texts were produced by CPython's re.sub.
describe('pythonSub', () => {
  it('replaces every match like re.sub, with the corpus request-id patterns', () => {
    const text = 'x (Request ID: ab-12, Extended Request ID: a/b=+c-9) Request ID: z';
    expect(pythonSub(pythonRegExp('Request ID: [a-zA-Z0-9-]+'), 'Request ID: <request_id>', text)).toBe(
      'x (Request ID: <request_id>, Extended Request ID: <request_id>/b=+c-9) Request ID: <request_id>',
    );
    expect(pythonSub(pythonRegExp('Extended Request ID: [a-zA-Z0-9-/=+]+'), 'Extended Request ID: <extended_request_id>', 'Extended Request ID: a/b=+c-9)')).toBe(
      'Extended Request ID: <extended_request_id>)',
    );
  });

  it('expands Python replacement templates and named groups', () => {
    expect(pythonSub(pythonRegExp('(?P<k>a)(b)'), '\\2\\g<k>\\\\', 'abab')).toBe('ba\\ba\\');
  });

  it('does not interpret $ in a replacement (Python has no $ templates)', () => {
    expect(pythonSub(pythonRegExp('a'), '$&', 'xa')).toBe('x$&');
  });

  it('honours leading inline flags and \\A / \\Z anchors', () => {
    expect(pythonSub(pythonRegExp('(?i)\\AX'), '-', 'xx')).toBe('-x');
    expect(pythonSub(pythonRegExp('x\\Z'), '-', 'xx')).toBe('x-');
  });

  const corpusPatterns = [...new Set(loadSfnCases().flatMap((c) => c.normalization.filter((op) => op.op === 'regex').map((op) => String(op.pattern))))];
  it.each(corpusPatterns)('corpus pattern %s compiles in JS', (pattern) => {
    expect(pythonRegExp(pattern)).toBeInstanceOf(RegExp);
  });
});
