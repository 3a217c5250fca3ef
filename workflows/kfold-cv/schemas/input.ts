/**
 * The `kfold-cv` workflow's input. Optional fields carry their default as a JSON Schema `default`;
 * {@link withKfoldDefaults} fills them, so an upload rule can start a run with only the dataset.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ObjectRef } from '../../../src/services';


export const KernelName = Type.Union([Type.Literal('linear'), Type.Literal('poly'), Type.Literal('rbf'), Type.Literal('sigmoid')]);

/** A kernel coefficient, or scikit-learn's rule to derive it from the training features. */
export const GammaValue = Type.Union([Type.Number({ exclusiveMinimum: 0 }), Type.Literal('scale'), Type.Literal('auto')]);

/** One set of SVM hyperparameters; omitted fields take scikit-learn's `SVC()` defaults. */
export const Hyperparameters = Type.Object(
  {
    C: Type.Number({ exclusiveMinimum: 0 }),
    kernel: KernelName,
    gamma: GammaValue,
    degree: Type.Optional(Type.Integer({ minimum: 1 })),
    coef0: Type.Optional(Type.Number()),
  },
  { additionalProperties: false },
);

const LogRange = Type.Object({ min: Type.Number({ exclusiveMinimum: 0 }), max: Type.Number({ exclusiveMinimum: 0 }) }, { additionalProperties: false });

export const SearchSpace = Type.Object(
  { C: LogRange, gamma: LogRange, kernels: Type.Array(KernelName, { minItems: 1, uniqueItems: true }) },
  { additionalProperties: false },
);

export const SearchMethod = Type.Union([Type.Literal('random'), Type.Literal('tpe'), Type.Literal('list')], {
  description: "'random' and 'tpe' draw from `space`; 'list' evaluates `candidates` as given.",
});

export const SearchSettings = Type.Object(
  {
    method: Type.Optional({ ...SearchMethod, default: 'random' }),
    space: Type.Optional({
      ...SearchSpace,
      default: { C: { min: 0.01, max: 100 }, gamma: { min: 0.0001, max: 1 }, kernels: ['linear', 'rbf'] },
    }),
    candidates: Type.Optional(Type.Array(Hyperparameters, { minItems: 1 })),
    /** Maximum number of candidates over the whole search. */
    budget: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 20 })),
    /** Maximum candidates cross-validated at once (one search round). */
    maxParallel: Type.Optional(Type.Integer({ minimum: 1, maximum: 40, default: 4 })),
  },
  { additionalProperties: false },
);

export const FoldSettings = Type.Object(
  {
    /** Shuffle each class's fold assignment with `seed`; false is scikit-learn's `StratifiedKFold(k)`. */
    shuffle: Type.Optional(Type.Boolean({ default: true })),
    /** Standardise features on each training split (scikit-learn's StandardScaler in a Pipeline). */
    standardize: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);

export const KfoldInput = Type.Object(
  {
    dataset: ObjectRef,
    /** @default the last column */
    labelColumn: Type.Optional(Type.String({ minLength: 1 })),
    k: Type.Optional(Type.Integer({ minimum: 2, maximum: 100, default: 5 })),
    folds: Type.Optional({ ...FoldSettings, default: {} }),
    search: Type.Optional({ ...SearchSettings, default: {} }),
    baselineScore: Type.Optional(Type.Number({ minimum: 0, maximum: 1, default: 0.6 })),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 4294967295, default: 0 })),
    /** The registry's model name. @default the dataset file's name without its extension */
    modelName: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$' })),
  },
  { additionalProperties: false },
);
export type KfoldInput = Static<typeof KfoldInput>;

/**
 * A dataset's settings file, `<dataset name>.settings.json` beside the CSV: every input field but the
 * dataset, so that an upload alone can choose how its run goes. The execution's own input wins.
 */
export const KfoldSettingsFile = Type.Omit(KfoldInput, ['dataset'], { additionalProperties: false });
export type KfoldSettingsFile = Static<typeof KfoldSettingsFile>;

/** The input with every default filled in (a new object; `input` is not modified). */
export function withKfoldDefaults(input: KfoldInput): KfoldInput {
  return Value.Default(KfoldInput, structuredClone(input)) as KfoldInput;
}
