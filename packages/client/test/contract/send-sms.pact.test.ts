import { describe, expect, test } from 'vitest';
import { createSmsPartnerClient } from '../../src/index.ts';
import {
  createPact,
  decimal,
  eachLike,
  integer,
  JSON_TYPE,
  PACT_KEY,
  regex,
  SEND_RECEIPT,
  string,
} from './pact.ts';

/** The consumer side of POST /v1/send: what the client sends, and the answers it relies on. */
const pact = createPact();

function client(url: string) {
  return createSmsPartnerClient({ baseUrl: url, apiKey: PACT_KEY, retry: 0 });
}

describe('sendSms contract', () => {
  test('sends now', async () => {
    await pact
      .addInteraction()
      .given('an account with credits', { apiKey: PACT_KEY })
      .uponReceiving('an immediate send to one French number')
      .withRequest('POST', '/v1/send', (request) =>
        request
          .headers({ 'Content-Type': regex('application/json(;.*)?', 'application/json') })
          .jsonBody({ apiKey: PACT_KEY, phoneNumbers: '+33600000000', message: 'Your code is 1234' }),
      )
      .willRespondWith(200, (response) => response.headers(JSON_TYPE).jsonBody(SEND_RECEIPT))
      .executeTest(async (server) => {
        const sent = await client(server.url).sendSms({
          phoneNumbers: '+33600000000',
          message: 'Your code is 1234',
        });
        expect(sent).toEqual({
          success: true,
          code: 200,
          message_id: 1000,
          nb_sms: 1,
          cost: 0.038,
          currency: 'EUR',
        });
      });
  });

  test('schedules in Paris time and gets the date echoed', async () => {
    await pact
      .addInteraction()
      .given('an account with credits', { apiKey: PACT_KEY })
      .uponReceiving('a send scheduled for 21/10/2030 at 09:00 Paris time, to two numbers')
      .withRequest('POST', '/v1/send', (request) =>
        request.jsonBody({
          apiKey: PACT_KEY,
          phoneNumbers: '0600000000,+33611111111',
          message: 'Reminder: appointment tomorrow',
          scheduledDeliveryDate: '21/10/2030',
          time: 9,
          minute: 0,
        }),
      )
      .willRespondWith(200, (response) =>
        response.headers(JSON_TYPE).jsonBody({
          ...SEND_RECEIPT,
          nb_sms: integer(2),
          cost: decimal(0.076),
          scheduledDeliveryDate: regex('^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$', '2030-10-21 09:00:00'),
        }),
      )
      .executeTest(async (server) => {
        const sent = await client(server.url).sendSms({
          phoneNumbers: ['0600000000', '+33611111111'],
          message: 'Reminder: appointment tomorrow',
          scheduledAt: new Date('2030-10-21T07:00:00Z'),
        });
        expect(sent).toMatchObject({ nb_sms: 2, scheduledDeliveryDate: '2030-10-21 09:00:00' });
      });
  });

  test('code 9: an invalid number, with the per-field list', async () => {
    await pact
      .addInteraction()
      .given('an account with credits', { apiKey: PACT_KEY })
      .uponReceiving('a send to a number that is not valid')
      .withRequest('POST', '/v1/send', (request) =>
        request.jsonBody({ apiKey: PACT_KEY, phoneNumbers: '922264', message: 'Hello' }),
      )
      .willRespondWith(200, (response) =>
        response.headers(JSON_TYPE).jsonBody({
          success: false,
          code: 9,
          error: eachLike({
            elementId: 'children[phoneNumbers].data',
            message: string('This phone number is not valid (922264)'),
          }),
        }),
      )
      .executeTest(async (server) => {
        await expect(
          client(server.url).sendSms({ phoneNumbers: '922264', message: 'Hello' }),
        ).rejects.toMatchObject({
          name: 'SmsPartnerApiError',
          code: 9,
          errors: [
            { elementId: 'children[phoneNumbers].data', message: 'This phone number is not valid (922264)' },
          ],
        });
      });
  });
});
