'use strict';
// The addon install.js compiled. A checkout installed with --ignore-scripts has none: say how to build it.
try {
  module.exports = require('./build/Release/svm.node');
} catch (error) {
  if (error.code !== 'MODULE_NOT_FOUND') throw error;
  throw new Error('libsvm-native is not built: run `npm rebuild libsvm-native` (node-gyp needs python3, make and a C++ compiler).', { cause: error });
}
