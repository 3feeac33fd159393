import {
  parseAmount,
  priceFor,
  SERVICE_PRICES,
  type SendRcsCode,
  type SendSmsCode,
  sendRcsCodes,
} from '@smspartner-kit/schema';
import { defineHandler, type Failure } from '../../core/define-handler.js';
import { describeRichContent, reachesRcs } from '../../rules/rcs.js';
import { scheduleOf } from '../../rules/send-time.js';
import { euros, numbersOf, rejectSend, runSend, scheduleEcho } from '../sms/send-pipeline.js';

const RCS_MICROS = parseAmount(SERVICE_PRICES.rcs) as number;

/**
 * A send-family failure as an RCS answer. The send rules can only answer
 * RCS's codes here (no range, no sender or message field at the top level),
 * and the catalogue check keeps it so: any other code is a bug, not an answer.
 */
function asRcsFailure(failure: Failure<SendSmsCode>): Failure<SendRcsCode> {
  if (!Object.hasOwn(sendRcsCodes, failure.code)) {
    throw new Error(`The send rules answered code ${failure.code}, which RCS does not document`);
  }
  return failure as Failure<SendRcsCode>;
}

/**
 * POST /v1/rcs/send, through the send family's pipeline (`runSend`): the
 * numbers (a list or a comma string; 2, 55, 50, invalid ones in the code-9
 * list), the schedule and the marketing window (45–49, 22, 23, held), the
 * STOP list (14), prices (13) and credits (11) work as for a single send.
 * Each number an RCS message reaches (`rules/rcs.ts`) costs one RCS (0.12 EUR)
 * and counts in `nb_rcs`; the others get the `failover` SMS, priced and
 * checked (its sender, Unicode, 52) as an SMS, or nothing without one.
 */
export const sendRcs = defineHandler(
  'sendRcs',
  (request, context) => {
    const { account, state } = context;
    const { failover } = request;
    const done = runSend(
      {
        kind: 'rcs',
        mode: 'whole',
        numbersField: 'phoneNumbers',
        recipients: numbersOf(request.phoneNumbers).map((phoneNumber) => ({
          phoneNumber,
          message: failover?.message ?? '',
        })),
        sender: failover?.sender,
        schedule: scheduleOf(request),
        isStopSms: failover?.isStopSms === 1,
        isUnicode: failover?.isUnicode === 1,
        ownPrice: ({ e164, country }) => {
          // RCS goes where SMS is priced; elsewhere the SMS rules answer 13.
          if (priceFor(state.prices, country, 'premium') === undefined) return undefined;
          if (reachesRcs(e164)) return { units: 1, costMicros: RCS_MICROS };
          return failover ? undefined : { units: 0, costMicros: 0 };
        },
        storedText: describeRichContent(request.richContent),
      },
      context,
    );
    if ('success' in done) return asRcsFailure(done);
    const reached = (units: number | undefined) =>
      done.outcomes.flatMap((outcome) =>
        outcome.ok && outcome.units === units ? [outcome.phoneNumber] : [],
      );
    state.rcs.record(account, {
      messageId: done.message.id,
      richContent: request.richContent,
      failover,
      rcs: reached(1),
      fallback: reached(undefined),
      unreached: reached(0),
    });
    return {
      success: true,
      code: 200,
      message_id: done.message.id,
      nb_rcs: done.outcomes.reduce((sum, outcome) => sum + (outcome.ok ? (outcome.units ?? 0) : 0), 0),
      cost: euros(done.message.costMicros),
      currency: 'EUR',
      ...scheduleEcho(done),
    };
  },
  { onInvalid: (issues, context) => asRcsFailure(rejectSend('rcs', 'phoneNumbers', issues, context)) },
);
