/** A workflow definition the builder cannot turn into ASL (duplicate name, dangling reference, …). */
export class BuilderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuilderError';
  }
}
