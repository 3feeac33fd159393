import {
  checkPhoneNumber,
  countMessage,
  elementIdFor,
  formatParisDateTime,
  fromScheduleFields,
  rejectRequest,
  SMS_LIMITS,
  sendSms,
  sendSmsCodes,
  splitPhoneNumbers,
  type ValidationIssue,
} from '@smspartner-kit/schema';
import {
  authenticate,
  type EnvelopeBody,
  failure,
  type Handler,
  milliToAmount,
  validationFailure,
} from './shared.js';

/** Recipients per request [official]. */
export const MAX_RECIPIENTS = 500;

function invalidNumbers(field: unknown): ValidationIssue[] {
  if (typeof field !== 'string') return [];
  return splitPhoneNumbers(field)
    .filter((number) => !checkPhoneNumber(number).valid)
    .slice(0, 1)
    .map((number) => ({
      elementId: elementIdFor('phoneNumbers'),
      message: `This phone number is not valid (${number})`,
    }));
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * POST /v1/send. Checks, in order: apiKey (1, 10); phoneNumbers present (2);
 * the schema and the numbers (9, one item per field); no number left after
 * splitting (55); more than 500 (50); a scheduled time in the past (9); more
 * than 10 parts (52); credits (11). Then debits the account and records the
 * message. Sandbox sends are recorded and flagged, and debit nothing.
 */
export const handleSendSms: Handler = (params, { store, config }): EnvelopeBody => {
  const auth = authenticate(params, store, sendSmsCodes);
  if ('answer' in auth) return auth.answer;
  const { account } = auth;
  const now = store.clockFor(account.apiKey).now();

  const parsed = sendSms.request.safeParse(params);
  if (!parsed.success) {
    const rejection = rejectRequest(sendSms, parsed.error.issues, params);
    if (rejection.code !== 9) return { success: false, code: rejection.code, message: rejection.message };
    const fields = new Set(rejection.errors?.map((item) => item.elementId));
    const numberItems = invalidNumbers(params.phoneNumbers).filter((item) => !fields.has(item.elementId));
    return validationFailure([...(rejection.errors ?? []), ...numberItems]);
  }
  const request = parsed.data;

  const numbers = splitPhoneNumbers(request.phoneNumbers);
  const errors = invalidNumbers(request.phoneNumbers);
  if (numbers.length === 0) return failure(sendSmsCodes, 55);
  if (numbers.length > MAX_RECIPIENTS) return failure(sendSmsCodes, 50);

  let sendAt = now;
  let scheduled = false;
  if (
    request.scheduledDeliveryDate !== undefined &&
    request.time !== undefined &&
    request.minute !== undefined
  ) {
    const at = fromScheduleFields({
      scheduledDeliveryDate: request.scheduledDeliveryDate,
      time: request.time,
      minute: request.minute,
    });
    if (!at) {
      errors.push({ elementId: elementIdFor('scheduledDeliveryDate'), message: 'The date is invalid' });
    } else if (at.epochMs <= now) {
      errors.push({
        elementId: elementIdFor('scheduledDeliveryDate'),
        message: `The date (${request.scheduledDeliveryDate} at ${request.time}:${pad(request.minute)}) is earlier than the current date.`,
      });
    } else {
      sendAt = at.epochMs;
      scheduled = true;
    }
  }
  if (errors.length > 0) return validationFailure(errors);

  const count = countMessage(request.message, { unicode: request.isUnicode === 1 });
  if (count.parts > SMS_LIMITS.maxParts) return failure(sendSmsCodes, 52);

  const nbSms = count.parts * numbers.length;
  const sandbox = request.sandbox === 1;
  if (!sandbox && account.credits < nbSms) return failure(sendSmsCodes, 11);

  const costMilli = nbSms * config.unitPriceMilli;
  const message = store.addMessage(account, {
    phoneNumbers: numbers.map((number) => {
      const checked = checkPhoneNumber(number);
      return checked.valid ? checked.e164 : number;
    }),
    message: request.message,
    sender: request.sender,
    nbSms,
    costMilli,
    sendAt,
    scheduled,
    sandbox,
  });
  if (!sandbox) account.credits -= nbSms;

  return {
    success: true,
    code: 200,
    message_id: message.id,
    nb_sms: nbSms,
    cost: milliToAmount(costMilli),
    currency: 'EUR',
    ...(scheduled ? { scheduledDeliveryDate: formatParisDateTime(sendAt) } : {}),
  };
};
