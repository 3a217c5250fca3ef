import { placeholder, placeholderKey, substitute } from '../../../infra/iam/placeholders';

test('placeholders are CloudFormation substitution keys made of letters, digits and underscores', () => {
  expect(placeholderKey('function', 'kfold-train-fold')).toBe('fn_kfold_train_fold');
  expect(placeholder('stateMachine', 'kfold-cv')).toBe('${sm_kfold_cv}');
});

test('substitute replaces known keys and leaves others as they are', () => {
  expect(substitute('{"a":"${fn_x}","b":"${unknown}"}', { fn_x: 'arn:x' })).toBe('{"a":"arn:x","b":"${unknown}"}');
});
