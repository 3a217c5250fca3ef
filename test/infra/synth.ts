/**
 * Synthesizes a StatecraftStack once per test file, with the feature flags of cdk.json (so the
 * template is what `npx cdk synth` makes), and runs cdk-nag's AwsSolutions pack over it.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App, Stack, type PolicyValidationPluginReport } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { StatecraftStack, type StatecraftStackProps } from '../../infra/statecraft-stack';

export const REPOSITORY_ROOT = path.resolve(__dirname, '../..');

export interface Synthesized {
  stack: StatecraftStack;
  template: Template;
  nag: PolicyValidationPluginReport;
  /** `Stack.resolve`: a token as it appears in the template. */
  resolve(value: unknown): unknown;
}

type Registry = Pick<StatecraftStackProps, 'workflows' | 'buckets' | 'taskAccess' | 'dataBucket'>;

export function synthesize(registry: Registry): Synthesized {
  const { context } = JSON.parse(readFileSync(path.join(REPOSITORY_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  const app = new App({ context });
  const stack = new StatecraftStack(app, 'Test', {
    ...registry,
    repositoryRoot: REPOSITORY_ROOT,
    bundleRoot: mkdtempSync(path.join(tmpdir(), 'statecraft-test-bundles-')),
  });
  const template = Template.fromStack(stack);
  const nag = new AwsSolutionsChecks(app).validateScope(app);
  return { stack, template, nag, resolve: (value) => Stack.of(stack).resolve(value) };
}

/** Each cdk-nag finding as `rule at construct path`, for readable failures. */
export function findings(report: PolicyValidationPluginReport): string[] {
  return report.violations.flatMap((violation) => violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`));
}

/** The statements of the policies attached to the role with logical id `roleId`. */
export function statementsOfRole(template: Template, roleId: string): Array<Record<string, unknown>> {
  const policies = template.findResources('AWS::IAM::Policy');
  return Object.values(policies)
    .filter((policy) => (policy.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Array<Record<string, unknown>>);
}
