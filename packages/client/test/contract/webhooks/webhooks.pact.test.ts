import { describe, expect, test } from 'vitest';
import { parseDeliveryReceipt, parseHlrResult, parseReplyWebhook } from '../../../src/webhooks.ts';
import { createPact, decimal, integer, PACT_KEY, regex, string } from '../pact.ts';

/**
 * The webhooks a receiver gets, as Pact V4 asynchronous messages: the
 * client's parsers (`parseDeliveryReceipt`, `parseReplyWebhook`) are the
 * consumer, the mock's webhook builder the provider (its verification runs
 * the provider state, then reads the payload the mock queued for that
 * account). The delivery receipt's payload is this project's assumption; the
 * replies and the HLR result are the documented ones.
 */
const pact = createPact();
/** A URL nothing listens on: the provider builds the webhook, its delivery fails, the payload is what counts. */
const NOWHERE = 'http://127.0.0.1:9/webhooks';
const UNIX = regex('^\\d{1,12}$', '1894698000');

describe('webhook contracts (asynchronous messages)', () => {
  test('a delivery receipt: the single-status fields', async () => {
    await pact
      .addAsynchronousInteraction()
      .given('a message with a delivery status', { apiKey: PACT_KEY, status: 'Delivered', urlDlr: NOWHERE })
      .expectsToReceive('a delivery receipt for a delivered recipient', (message) =>
        message
          .withJSONContent({
            number: '+33600000000',
            messageId: regex('^\\d+$', '1000'),
            stopSms: false,
            date: UNIX,
            statut: 'Delivered',
            cost: decimal(0.038),
            countryCode: 'FR',
            currency: 'EUR',
          })
          .withMetadata({ contentType: 'application/json' }),
      )
      .executeTest(async (message) => {
        const receipt = parseDeliveryReceipt(message.contents.content as Record<string, unknown>);
        expect(receipt).toMatchObject({
          messageId: '1000',
          phoneNumber: '+33600000000',
          status: 'Delivered',
          at: 1_894_698_000_000,
        });
      });
  });

  test('a reply on a short number', async () => {
    await pact
      .addAsynchronousInteraction()
      .given('a reply was received', { apiKey: PACT_KEY, text: 'Yes please', urlResponse: NOWHERE })
      .expectsToReceive('a reply to a campaign on a short number', (message) =>
        message
          .withJSONContent({
            type: 'response',
            phone_number: '+33600000000',
            text: 'Yes please',
            message_id: integer(1000),
          })
          .withMetadata({ contentType: 'application/json' }),
      )
      .executeTest(async (message) => {
        expect(parseReplyWebhook(message.contents.content as Record<string, unknown>)).toMatchObject({
          kind: 'short-number',
          type: 'response',
          from: '+33600000000',
          text: 'Yes please',
        });
      });
  });

  test('a STOP on a short number', async () => {
    await pact
      .addAsynchronousInteraction()
      .given('a reply was received', { apiKey: PACT_KEY, text: 'STOP', urlResponse: NOWHERE })
      .expectsToReceive('a STOP on a short number', (message) =>
        message
          .withJSONContent({
            type: 'stop',
            phone_number: '+33600000000',
            text: 'STOP',
            message_id: integer(1000),
          })
          .withMetadata({ contentType: 'application/json' }),
      )
      .executeTest(async (message) => {
        expect(parseReplyWebhook(message.contents.content as Record<string, unknown>)).toMatchObject({
          type: 'stop',
        });
      });
  });

  test('the first part of a long reply on a long number', async () => {
    const text = `Long reply ${'x'.repeat(190)}`;
    await pact
      .addAsynchronousInteraction()
      .given('a reply was received', { apiKey: PACT_KEY, text, longNumber: true, urlResponse: NOWHERE })
      .expectsToReceive('the first part of a long reply on a long number', (message) =>
        message
          .withJSONContent({
            msisdn: '33600000000',
            to: '33700000000',
            messageId: regex('^[0-9A-F]{16}$', '0200000000000001'),
            concat: 'true',
            'concat-ref': regex('^\\d+$', '1'),
            'concat-total': '2',
            'concat-part': '1',
            text: text.slice(0, 153),
            type: 'text',
            keyword: 'LONG',
            'message-timestamp': regex('^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$', '2030-01-15 09:00:00'),
          })
          .withMetadata({ contentType: 'application/json' }),
      )
      .executeTest(async (message) => {
        expect(parseReplyWebhook(message.contents.content as Record<string, unknown>)).toMatchObject({
          kind: 'long-number',
          from: '+33600000000',
          to: '+33700000000',
          keyword: 'LONG',
          concat: { total: 2, part: 1 },
        });
      });
  });

  test('an HLR result: the documented notification of one number', async () => {
    await pact
      .addAsynchronousInteraction()
      .given('numbers were verified', { apiKey: PACT_KEY, phoneNumbers: '+33600000001', notifyUrl: NOWHERE })
      .expectsToReceive('an HLR result for a verified number', (message) =>
        message
          .withJSONContent({
            phone: '+33600000001',
            messageId: regex('^\\d+-\\d+$', '1000-1'),
            mccMnc: '20815',
            ported: 0,
            errorGrpId: 1,
            errorName: 'EC_UNKNOWN_SUBSCRIBER',
            errorDesc: string('The number does not exist or is not assigned'),
            date: regex(
              '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+0000$',
              '2030-01-15T09:00:00.000+0000',
            ),
          })
          .withMetadata({ contentType: 'application/json' }),
      )
      .executeTest(async (message) => {
        expect(parseHlrResult(message.contents.content as Record<string, unknown>)).toMatchObject({
          phoneNumber: '+33600000001',
          id: '1000-1',
          ported: false,
          errorGroupId: 1,
          errorName: 'EC_UNKNOWN_SUBSCRIBER',
          error: { id: 1, permanent: true },
          at: Date.parse('2030-01-15T09:00:00.000Z'),
        });
      });
  });
});
