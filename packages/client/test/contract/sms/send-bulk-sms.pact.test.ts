import { describe, expect, test } from 'vitest';
import { createSmsPartnerClient } from '../../../src/index.ts';
import { xmlFormat } from '../../../src/xml.ts';
import { endpointContract } from '../endpoint-contract.ts';
import { createPact, decimal, integer, PACT_KEY, string } from '../pact.ts';

/** The consumer side of the bulk send: one message per recipient, one result per item. */
const pact = createPact();
const bulk = endpointContract('sendBulkSms');
const client = (url: string) => createSmsPartnerClient({ baseUrl: url, apiKey: PACT_KEY, retry: 0 });
const twoItems = [
  { phoneNumber: '0600000001', message: 'Hello Ann' },
  { phoneNumber: '0600000002', message: 'Hello Bob' },
];

describe('bulk send contract', () => {
  test('the registry example', async () => {
    const { sender, SMSList } = bulk.exampleParams as { sender: string; SMSList: typeof twoItems };
    await bulk
      .interaction(pact, {
        description: 'the documented example bulk send',
        given: ['an account with settings'],
      })
      .willRespondWith(200, bulk.answer())
      .executeTest(async (server) => {
        await expect(client(server.url).sendBulkSms({ sender, messages: SMSList })).resolves.toEqual(
          bulk.exampleResult,
        );
      });
  });

  test('per-item results, one failing item', async () => {
    const messages = [twoItems[0], { phoneNumber: '922264', message: 'Hello Bob' }];
    await bulk
      .interaction(pact, {
        description: 'a bulk send of two items, one with an invalid number',
        given: ['an account with settings'],
        params: { SMSList: messages },
      })
      .willRespondWith(
        200,
        bulk.answer({
          success: true,
          code: 200,
          message_id: integer(1000),
          currency: string('EUR'),
          cost: decimal(0.038),
          nbSMS: integer(1),
          SMSResponse_List: [
            {
              success: true,
              code: 200,
              nbSms: integer(1),
              cost: decimal(0.038),
              phoneNumber: '+33600000001',
            },
            {
              success: false,
              code: 9,
              nbSms: 0,
              cost: 0,
              phoneNumber: '922264',
              message: string('At least one constraint was not respected'),
            },
          ],
        }),
      )
      .executeTest(async (server) => {
        const batch = await client(server.url).sendBulkSms({ messages: messages as typeof twoItems });
        expect(batch.SMSResponse_List.map((item) => item.code)).toEqual([200, 9]);
      });
  });

  test('answering in XML', async () => {
    // The provider's first message id; the rest is the registry example's answer for two one-part items.
    const answered = { ...bulk.exampleResult, message_id: 1000 };
    await bulk
      .interaction(pact, {
        description: 'a bulk send of two items asking for XML',
        given: ['an account with settings'],
        params: { SMSList: twoItems, _format: 'xml' },
      })
      .willRespondWith(200, bulk.xmlAnswer(answered))
      .executeTest(async (server) => {
        const sms = createSmsPartnerClient({ baseUrl: server.url, apiKey: PACT_KEY, format: xmlFormat });
        await expect(sms.sendBulkSms({ messages: twoItems })).resolves.toEqual(answered);
      });
  });
});
