/** Payload schemas: TypeBox values give both the TypeScript type (`Static<T>`) and the JSON Schema. */
export { validatePayload, assertPayload } from './validate-payload';
export { SchemaValidationError, type SchemaProblem } from './schema-validation-error';
