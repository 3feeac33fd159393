import type { EndpointName } from '@smspartner-kit/schema';
import * as all from '../endpoints/index.js';
import { type Handler, type Outcome, type RequestEnvironment, runHandler } from './define-handler.js';

/**
 * Every endpoint's handler, by registry name: the barrel of `endpoints/`,
 * typed as a map over the registry, so a registry entry without a handler (or
 * a handler exported under another endpoint's name) does not compile.
 */
export const handlers: { readonly [Name in EndpointName]: Handler<Name> } = all;

/**
 * Answers one request to one endpoint, whatever carried it (the Express app,
 * an in-process call, a test): `raw` is the query string or the JSON body.
 */
export function dispatch(
  name: EndpointName,
  raw: Readonly<Record<string, unknown>>,
  env: RequestEnvironment,
): Outcome {
  return runHandler(handlers, name, raw, env);
}
