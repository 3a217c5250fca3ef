/**
 * The CDK app: one stack deploying every workflow of the registry. cdk-nag's AwsSolutions pack
 * validates it at synth; a finding without a written acknowledgement fails the synth.
 *
 * Context: `alertEmail` subscribes an address to the alerts topic (`npx cdk deploy -c alertEmail=…`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { registry } from '../workflows/registry';
import { StatecraftStack } from './statecraft-stack';

const app = new App();
const bundleRoot = mkdtempSync(path.join(tmpdir(), 'statecraft-bundles-'));
try {
  new StatecraftStack(app, 'Statecraft', {
    description: 'statecraft: ML workflows on Step Functions, Lambda and EventBridge',
    registry,
    repositoryRoot: path.resolve(__dirname, '..'),
    bundleRoot,
    alertEmail: app.node.tryGetContext('alertEmail'),
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  app.synth();
} finally {
  // Each function's bundle was copied into the cloud assembly when the function was defined.
  rmSync(bundleRoot, { recursive: true, force: true });
}
