// Proves: the type inferred from a schema is exactly the schema's shape (an optional field stays optional).
import { Type, type Static } from '@sinclair/typebox';
import type { Equal, Expect } from '../expect';

const Input = Type.Object({ k: Type.Integer(), seed: Type.Optional(Type.Integer()) });

// @expect-error: seed is optional, so this is not the inferred type
export type Wrong = Expect<Equal<Static<typeof Input>, { k: number; seed: number }>>;
