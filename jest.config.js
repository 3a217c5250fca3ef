/** Jest runs TypeScript through SWC (type checking is `tsc --noEmit`, run first by `npm test`). */
// As in bin/statecraft.js: the SDK's notice about its future Node.js 22 requirement is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

module.exports = {
  testEnvironment: '<rootDir>/test/support/node-environment.js',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }],
    // hyparquet, hyparquet-writer and dt-sql-parser (with antlr4-c3) ship ES modules only; Jest's module loader needs CommonJS.
    '/node_modules/(hyparquet(-writer)?|dt-sql-parser|antlr4-c3)/.+\\.m?js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(hyparquet(-writer)?|dt-sql-parser|antlr4-c3)/)'],
  testTimeout: 30000,
};
