import { XmlBuilder } from '@pact-foundation/pact';
import { describe, expect, test } from 'vitest';
import { createSmsPartnerClient } from '../../../src/index.ts';
import { xmlFormat } from '../../../src/xml.ts';
import { endpointContract } from '../endpoint-contract.ts';
import { createPact, decimal, integer, PACT_KEY, string, XML_TYPE } from '../pact.ts';

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
    // XML texts are exact (one path for every <entry>): the provider's first message id and prices.
    const xml = new XmlBuilder('1.0', 'UTF-8', 'result').build((result) => {
      for (const value of ['true', '200', '1000', 'EUR', '0.076', '2'])
        result.appendElement('entry', new Map(), value);
      result.appendElement('entry', new Map(), (list) => {
        for (const number of ['+33600000001', '+33600000002']) {
          list.appendElement('entry', new Map(), (item) => {
            for (const value of ['true', '200', '1', '0.038', number])
              item.appendElement('entry', new Map(), value);
          });
        }
      });
    });
    await bulk
      .interaction(pact, {
        description: 'a bulk send of two items asking for XML',
        given: ['an account with settings'],
        params: { SMSList: twoItems, _format: 'xml' },
      })
      .willRespondWith(200, (response) => response.headers(XML_TYPE).xmlBody(xml))
      .executeTest(async (server) => {
        const sms = createSmsPartnerClient({ baseUrl: server.url, apiKey: PACT_KEY, format: xmlFormat });
        await expect(sms.sendBulkSms({ messages: twoItems })).resolves.toEqual({
          success: true,
          code: 200,
          message_id: 1000,
          currency: 'EUR',
          cost: 0.076,
          nbSMS: 2,
          SMSResponse_List: [
            { success: true, code: 200, nbSms: 1, cost: 0.038, phoneNumber: '+33600000001' },
            { success: true, code: 200, nbSms: 1, cost: 0.038, phoneNumber: '+33600000002' },
          ],
        });
      });
  });
});
