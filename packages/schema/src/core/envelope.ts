import * as z from 'zod/mini';

/**
 * One item of a code-9 validation failure. `elementId` names the offending
 * field the way SMS Partner's form layer does: `children[<field>].data`.
 */
export const validationIssue = z.object({
  elementId: z.string(),
  message: z.string(),
});
export type ValidationIssue = z.infer<typeof validationIssue>;

/**
 * The `elementId` SMS Partner uses for a request field; a field inside an
 * object (`contact.firstname`) is a child of its parent, as Symfony's form
 * errors name it: `children[contact].children[firstname].data`.
 */
export function elementIdFor(field: string, ...nested: readonly string[]): string {
  return `${[field, ...nested].map((name) => `children[${name}]`).join('.')}.data`;
}

/**
 * The shared failure envelope: `{success: false, code, message?}`, plus the
 * validation list for code 9. Recorded traffic names that list `error`, the
 * community pages name it `errors`; both are accepted (see the reference
 * README, "Response envelope"). Extra fields are ignored, not rejected.
 */
export const errorEnvelope = z.object({
  success: z.literal(false),
  code: z.number(),
  message: z.optional(z.string()),
  error: z.optional(z.array(validationIssue)),
  errors: z.optional(z.array(validationIssue)),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelope>;

/** The fields every success body starts with. */
export const successEnvelope = z.object({
  success: z.literal(true),
  code: z.literal(200),
});

/** An error body in one shape, whichever key the validation list came under. */
export interface NormalizedError {
  code: number;
  message: string | undefined;
  errors: ValidationIssue[];
}

/** Folds `error`/`errors` into one `errors` list. */
export function normalizeError(body: ErrorEnvelope): NormalizedError {
  return {
    code: body.code,
    message: body.message,
    errors: [...(body.error ?? []), ...(body.errors ?? [])],
  };
}
