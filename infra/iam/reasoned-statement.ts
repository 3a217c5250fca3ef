/**
 * A policy statement with the reason any wildcard resource in it is as narrow as AWS allows.
 * cdk-nag (AwsSolutions-IAM5) reports each wildcard resource as its own finding; the reason goes
 * next to the exact finding it acknowledges, so no other wildcard is let through with it.
 */
import { Stack, Validations } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type { IConstruct } from 'constructs';

export interface ReasonedStatement {
  readonly statement: iam.PolicyStatement;
  /** Why the wildcard resources in `statement` are needed; required when it has any. */
  readonly wildcardReason?: string;
}

/** A statement with no wildcard resource. */
export function exact(statement: iam.PolicyStatement): ReasonedStatement {
  return { statement };
}

export function wildcard(statement: iam.PolicyStatement, reason: string): ReasonedStatement {
  return { statement, wildcardReason: reason };
}

/** Adds the statements to `principal`'s policy and acknowledges their wildcard resources on `policyOwner`. */
export function addReasonedStatements(principal: iam.IPrincipal, policyOwner: IConstruct, statements: readonly ReasonedStatement[]): void {
  const stack = Stack.of(policyOwner);
  for (const { statement, wildcardReason } of statements) {
    principal.addToPrincipalPolicy(statement);
    for (const resource of statement.resources) {
      const finding = flattenCfnReference(stack.resolve(resource));
      if (!finding.includes('*')) continue;
      if (wildcardReason === undefined) throw new Error(`wildcard resource ${finding} has no written reason`);
      Validations.of(policyOwner).acknowledge({ id: `AwsSolutions-IAM5[Resource::${finding}]`, reason: wildcardReason });
    }
  }
}
