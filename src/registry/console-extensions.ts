/**
 * What the web console gets from the registry: each workflow's input schema for the start form,
 * the workflows' result views, and the model registry behind its models page.
 */
import type { ConsoleExtensions, ConsoleModelRegistry, ConsoleModelVersion } from '../console';
import type { ModelVersion } from '../../schemas/kfold';
import type { ModelRegistryService } from '../../tasks/runtime/services';
import { kfoldResultViews } from '../../workflows/kfold-cv-console';
import { workflows } from '../../workflows/registry';

export function consoleExtensions(models: ModelRegistryService): ConsoleExtensions {
  return {
    workflows: workflows.map((entry) => ({ name: entry.name, inputSchema: entry.workflow.props.input })),
    resultViews: [...kfoldResultViews],
    models: consoleModels(models),
  };
}

function consoleModels(registry: ModelRegistryService): ConsoleModelRegistry {
  return {
    list: async () => (await registry.list()).map(consoleVersion),
    decide: async (model, version, decision, reason) => consoleVersion(await registry[decision](model, version, reason)),
  };
}

function consoleVersion(version: ModelVersion): ConsoleModelVersion {
  const { C, kernel, gamma } = version.hyperparameters;
  return {
    modelName: version.modelName,
    version: version.version,
    status: version.status,
    createdAt: version.createdAt,
    ...(version.statusReason !== undefined && { statusReason: version.statusReason }),
    executionArn: version.executionArn,
    metrics: { 'mean score': version.meanScore, 'std': version.stdScore },
    facts: { kernel, C: short(C), gamma: typeof gamma === 'number' ? short(gamma) : gamma, dataset: `s3://${version.dataset.location.bucket}/${version.dataset.location.key}` },
  };
}

/** Four significant digits: enough to tell versions apart in a table. */
function short(value: number): string {
  return String(Number(value.toPrecision(4)));
}
