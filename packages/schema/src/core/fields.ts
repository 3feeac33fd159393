import * as z from 'zod/mini';

/** A non-empty string; `message` is what a code-9 item says when it is absent. */
export const requiredString = (message: string) =>
  z.string({ error: message }).check(z.minLength(1, { error: message }));

/**
 * An integer as the docs send it (a JSON number) or as form-minded callers send
 * it (a string of digits), read as a number.
 */
export const integerLike = (message: string) =>
  z.pipe(
    z.union([z.int({ error: message }), z.string().check(z.regex(/^\s*\d+\s*$/, { error: message }))], {
      error: message,
    }),
    z.transform((value: number | string) => Number(value)),
  );

/**
 * `_format`: `json` (the default) or `xml`. Anything else falls back to JSON, as a tolerant server would:
 * it never fails a request. A transform rather than `z.catch`, which would pull zod's error-formatting
 * utilities into every bundle that holds a request schema.
 */
export const responseFormat = z.optional(
  z.pipe(
    z.unknown(),
    z.transform((value): 'json' | 'xml' => (value === 'xml' ? 'xml' : 'json')),
  ),
);

/** A message id: an integer in send answers, a string in status answers [recorded]. */
export const messageId = z.union([z.int(), z.string()]);

/** A 0/1 flag (`isStopSms`, `isUnicode`, `sandbox`), as a number or a digit string. */
export const flag = (name: string) => {
  const message = `The ${name} flag must be 0 or 1`;
  return z.optional(z.pipe(integerLike(message), z.int().check(z.gte(0, message), z.lte(1, message))));
};

/**
 * A page number of a listing (contacts, sub-accounts; default 1). The docs
 * give no code for a bad one: anything but a whole number from 1 reads as
 * page 1, as a PHP back end casting it would (the mock's reading).
 */
export const pageField = z.optional(
  z.pipe(
    z.custom<number | string>(),
    z.transform((value: number | string): number => {
      const number = typeof value === 'string' && /^\s*\d{1,15}\s*$/.test(value) ? Number(value) : value;
      return typeof number === 'number' && Number.isSafeInteger(number) && number >= 1 ? number : 1;
    }),
  ),
);
