/**
 * A domain's use cases, each a plain function of the domain's dependencies and then
 * what its caller gives, made into the service methods the router calls: the same
 * functions with the dependencies given once. Each use case lives in a file of its
 * own (domains/<domain>/use-cases/<use-case>.ts).
 */
export type BoundUseCases<D, U> = {
  [K in keyof U]: U[K] extends (deps: D, ...args: infer A) => infer R ? (...args: A) => R : never;
};

export function bindUseCases<D, U extends Record<string, (deps: D, ...args: never[]) => unknown>>(
  deps: D,
  useCases: U,
): BoundUseCases<D, U> {
  const bound: Record<string, (...args: never[]) => unknown> = {};
  for (const [name, useCase] of Object.entries(useCases)) bound[name] = (...args) => useCase(deps, ...args);
  return bound as BoundUseCases<D, U>;
}
