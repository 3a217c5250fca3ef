/**
 * What the web console gets from a registry: each workflow's input schema for the start form, the
 * packages' result views and pages, and the model registry behind its models page.
 */
import type { WorkflowRegistry } from '../builder/workflow-package';
import type { ConsoleExtensions, ConsoleModelRegistry, ConsoleModelVersion } from '../console';
import type { ModelRegistryService, ModelVersion } from '../services/models';

export function consoleExtensions(registry: WorkflowRegistry, models: ModelRegistryService): ConsoleExtensions {
  return {
    workflows: registry.workflows.map((entry) => ({ name: entry.name, inputSchema: entry.workflow.props.input })),
    resultViews: registry.packages.flatMap((pkg) => pkg.resultViews),
    pages: registry.packages.flatMap((pkg) => pkg.consolePages),
    models: consoleModels(models),
  };
}

function consoleModels(registry: ModelRegistryService): ConsoleModelRegistry {
  return {
    list: async () => (await registry.list()).map(consoleVersion),
    decide: async (model, version, decision, reason) => consoleVersion(await registry[decision](model, version, reason)),
  };
}

/** Scalar metrics as columns; the hyperparameters and the dataset as short facts. */
function consoleVersion(version: ModelVersion): ConsoleModelVersion {
  const metrics = Object.fromEntries(Object.entries(version.metrics).flatMap(([name, value]) => (typeof value === 'number' ? [[name, value]] : [])));
  const facts: Record<string, string> = { kind: version.kind };
  for (const [name, value] of Object.entries(version.hyperparameters)) facts[name] = typeof value === 'number' ? short(value) : String(value);
  if (version.dataset) facts.dataset = `s3://${version.dataset.location.bucket}/${version.dataset.location.key}`;
  return {
    modelName: version.modelName,
    version: version.version,
    status: version.status,
    createdAt: version.createdAt,
    ...(version.statusReason !== undefined && { statusReason: version.statusReason }),
    executionArn: version.executionArn,
    metrics,
    facts,
  };
}

/** Four significant digits: enough to tell versions apart in a table. */
function short(value: number): string {
  return String(Number(value.toPrecision(4)));
}
