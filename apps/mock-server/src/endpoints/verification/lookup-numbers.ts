import { lookupNumber, splitVerificationNumbers } from '@smspartner-kit/schema';
import { defineHandler } from '../../core/define-handler.js';

/**
 * POST /v1/lookup (free). After the pipeline (key, rate limit, IP gate, 2):
 * the numbers split on commas (3, 55, 50), then one item per number as
 * written, in order, computed by the schema's `lookupNumber` (libphonenumber's
 * full metadata). A number that cannot be read is a failed item; the answer
 * itself still succeeds.
 */
export const lookupNumbers = defineHandler('lookupNumbers', (request, { fail }) => {
  const split = splitVerificationNumbers(request.phoneNumbers);
  if (!split.ok) return fail(split.code);
  return { success: true, code: 200, lookup: split.items.map(lookupNumber) };
});
