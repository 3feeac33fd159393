/**
 * Whether a global scope is a browser page or a web worker, where an API key
 * would be readable by anyone who opens the developer tools.
 *
 * A page has both `window` and `document`; a worker (dedicated, shared or
 * service) is an instance of `WorkerGlobalScope`. Node, Deno, Bun and edge
 * runtimes have neither pair. Pass a fake scope to test the rule.
 *
 * @example
 * ```ts
 * isBrowserLike(); // false in Node
 * isBrowserLike({ window: {}, document: {} }); // true
 * ```
 */
export function isBrowserLike(scope: object = globalThis): boolean {
  const candidate = scope as {
    window?: unknown;
    document?: unknown;
    WorkerGlobalScope?: unknown;
  };
  const isObject = (value: unknown) => typeof value === 'object' && value !== null;
  if (isObject(candidate.window) && isObject(candidate.document)) return true;
  const workerScope = candidate.WorkerGlobalScope;
  return typeof workerScope === 'function' && scope instanceof workerScope;
}
