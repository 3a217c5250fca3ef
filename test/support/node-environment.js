/**
 * Jest's Node environment, with one change: tests see the host's Float32Array. onnxruntime-node's
 * JavaScript, loaded inside a test's sandbox, checks that the outputs its native code returns are
 * `instanceof Float32Array`; those arrays are made in the host's realm, so against the sandbox's own
 * constructor every backbone run would fail in tests only.
 */
const { TestEnvironment } = require('jest-environment-node');

class NodeEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.Float32Array = Float32Array;
  }
}

module.exports = NodeEnvironment;
