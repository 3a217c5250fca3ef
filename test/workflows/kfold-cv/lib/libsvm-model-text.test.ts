/** libsvm's model-file format: what readModelText accepts, and the line it names when it refuses. */
import { ModelTextError, readModelText, writeModelText } from '../../../../workflows/kfold-cv/lib/libsvm-model-text';

// As libsvm's svm_save_model writes it: %g numbers and a space after every support vector.
const SAVED_BY_LIBSVM = `svm_type c_svc
kernel_type rbf
gamma 0.5
nr_class 2
total_sv 3
rho 0.0419137
label 1 -1
nr_sv 1 2
SV
1 1:0.5 3:-1 
-0.5 1:-0.25 2:1 
-0.5 2:0.75 
`;

function refusal(text: string): { line: number; message: string } {
  try {
    readModelText(text);
  } catch (error) {
    if (error instanceof ModelTextError) return { line: error.line, message: error.message };
    throw error;
  }
  throw new Error('the text was accepted');
}

const replaced = (from: string, to: string) => SAVED_BY_LIBSVM.replace(from, to);

test('reads what libsvm writes: sparse support vectors, %g numbers, trailing spaces', () => {
  const model = readModelText(SAVED_BY_LIBSVM);
  expect(model).toMatchObject({ kernel: 'rbf', gamma: 0.5, degree: 0, coef0: 0, labels: Int32Array.from([1, -1]), svCounts: Int32Array.from([1, 2]) });
  expect(model.rho).toEqual(Float64Array.from([0.0419137]));
  expect(model.svCoef).toEqual([Float64Array.from([1, -0.5, -0.5])]);
  expect(model.supportVectors).toEqual({
    offsets: Int32Array.from([0, 2, 4, 5]),
    indices: Int32Array.from([1, 3, 1, 2, 2]),
    values: Float64Array.from([0.5, -1, -0.25, 1, 0.75]),
  });
  expect(writeModelText(model)).toBe(SAVED_BY_LIBSVM.replaceAll(' \n', '\n'));
});

test.each([
  ['an unknown header', replaced('gamma 0.5', 'probA 0.1'), 3, 'unsupported header "probA"'],
  ['another svm_type', replaced('c_svc', 'nu_svc'), 1, 'only c_svc models are supported'],
  ['a precomputed kernel', replaced('kernel_type rbf', 'kernel_type precomputed'), 2, 'unsupported kernel_type "precomputed"'],
  ['no gamma for an RBF kernel', replaced('gamma 0.5\n', ''), 8, 'the header has no gamma'],
  ['a class count other lines disagree with', replaced('nr_class 2', 'nr_class 3'), 8, 'nr_sv needs 3 value(s)'],
  ['counts that disagree', replaced('nr_sv 1 2', 'nr_sv 1 1'), 8, 'nr_sv must add up to total_sv'],
  ['a missing support vector', replaced('-0.5 2:0.75 \n', ''), 9, 'total_sv is 3 but 2 support vectors follow'],
  ['a node that is not index:value', replaced('3:-1', '3'), 10, '"3" is not index:value'],
  ['a number that is not one', replaced('1:0.5', '1:0x10'), 10, '"0x10" is not a number'],
  ['an index beyond a C int', replaced('3:-1', '4294967297:-1'), 10, 'feature index 4294967297 is not between 1 and 2147483647'],
  ['a header alone', SAVED_BY_LIBSVM.slice(0, SAVED_BY_LIBSVM.indexOf('SV\n')), 9, 'no "SV" line before the support vectors'],
  ['support vectors without their SV line', replaced('SV\n', ''), 9, 'unsupported header "1"'],
])('refuses %s, naming the line', (_, text, line, reason) => {
  expect(refusal(text)).toEqual({ line, message: `Not a libsvm C-SVC model file: line ${line}: ${reason}` });
});
