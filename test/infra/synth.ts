/**
 * Synthesizes a StatecraftStack once per test file, with the feature flags of cdk.json (so the
 * template is what `npx cdk synth` makes), and runs cdk-nag's AwsSolutions pack over it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App, Stack, Validations, type PolicyValidationPluginReport } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { StatecraftStack, type StatecraftStackProps } from '../../infra/statecraft-stack';

export const REPOSITORY_ROOT = path.resolve(__dirname, '../..');

export interface Synthesized {
  stack: StatecraftStack;
  template: Template;
  nag: PolicyValidationPluginReport;
  /** `Stack.resolve`: a token as it appears in the template. */
  resolve(value: unknown): unknown;
}

type Registry = StatecraftStackProps['registry'];

export function synthesize(registry: Registry): Synthesized {
  const { context } = JSON.parse(readFileSync(path.join(REPOSITORY_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  const app = new App({ context });
  const bundleRoot = mkdtempSync(path.join(tmpdir(), 'statecraft-test-bundles-'));
  const stack = new StatecraftStack(app, 'Test', { registry, repositoryRoot: REPOSITORY_ROOT, bundleRoot });
  // Defining the functions copied their bundles into the assembly as assets.
  rmSync(bundleRoot, { recursive: true, force: true });
  const template = Template.fromStack(stack);
  const nag = new AwsSolutionsChecks(app).validateScope(app);
  // The assembly CDK made in the OS temp directory holds a copy of every bundle (≈ 1 GB): the template
  // and the findings are read, so it goes, or each run of the tests would leave one behind.
  rmSync(app.outdir, { recursive: true, force: true });
  return { stack, template, nag, resolve: (value) => Stack.of(stack).resolve(value) };
}

/** Each cdk-nag finding as `rule at construct path`, for readable failures. */
export function findings(report: PolicyValidationPluginReport): string[] {
  return report.violations.flatMap((violation) => violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`));
}

export interface Acknowledgement {
  /** The construct it is written on; it covers findings on that construct and below. */
  readonly path: string;
  readonly id: string;
  readonly reason: string;
}

/** Every acknowledgement written in the construct tree under `scope`. */
function acknowledgements(scope: IConstruct): Acknowledgement[] {
  return scope.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        // aws-cdk-lib stores ids with an `Annotation::` prefix; cdk-nag compares them without it.
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({ path: construct.node.path, id: id.replace(/^annotation::/i, ''), reason })),
      ),
  );
}

/** cdk-nag's findings on the same app built with every acknowledgement ignored. */
function unacknowledgedFindings(registry: Registry): Array<{ ruleName: string; constructPath?: string }> {
  const ignore = jest.spyOn(Validations.prototype, 'acknowledge').mockImplementation(() => undefined);
  try {
    const { nag } = synthesize(registry);
    return nag.violations.flatMap((violation) => violation.violatingResources.map((resource) => ({ ruleName: violation.ruleName, constructPath: resource.constructPath })));
  } finally {
    ignore.mockRestore();
  }
}

/** Acknowledgements without a written reason, or that silence no finding (stale ones hide future regressions). */
export function idleAcknowledgements(registry: Registry, acknowledged: Synthesized): Acknowledgement[] {
  const found = unacknowledgedFindings(registry);
  const covers = (ack: Acknowledgement, path: string) => path === ack.path || path.startsWith(`${ack.path}/`);
  return acknowledgements(acknowledged.stack).filter(
    (ack) => ack.reason.trim() === '' || !found.some((finding) => finding.ruleName === ack.id && finding.constructPath !== undefined && covers(ack, finding.constructPath)),
  );
}

/** The statements of the policies attached to the role with logical id `roleId`. */
export function statementsOfRole(template: Template, roleId: string): Array<Record<string, unknown>> {
  const policies = template.findResources('AWS::IAM::Policy');
  return Object.values(policies)
    .filter((policy) => (policy.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Array<Record<string, unknown>>);
}
