import { describe, expect, test } from 'vitest';
import { normalizeMessageStatus, normalizeStatusList } from '../../src/index.ts';
import { json, observedClient, replies } from './helpers.ts';

const recorded = {
  success: true,
  code: 200,
  number: '+212620123456',
  messageId: '2270142',
  stopSms: false,
  date: '1534615206',
  statut: 'Delivered',
  cost: 0.04,
  countryCode: 'MA',
  currency: 'EUR',
};

describe('status methods and their normalisers', () => {
  test('getMessageStatus sends messageId and phoneNumber in the query string; both documented date forms read the same', async () => {
    const { client, requests } = observedClient(
      replies(json(recorded), json({ ...recorded, date: '2018-08-18 20:00:06', messageId: 2270142 })),
    );
    const fromRecording = await client.getMessageStatus({ messageId: 2270142, phoneNumber: '+212620123456' });
    const fromOfficial = await client.getMessageStatus({ messageId: 2270142, phoneNumber: '+212620123456' });
    expect(requests[0]?.query).toEqual({
      apiKey: 'test-funded-key',
      messageId: '2270142',
      phoneNumber: '+212620123456',
    });
    expect(normalizeMessageStatus(fromRecording)).toEqual(normalizeMessageStatus(fromOfficial));
    expect(normalizeMessageStatus(fromRecording).at).toEqual(new Date(1_534_615_206_000));
  });

  test('getMultiStatus POSTs SMSStatut_List; the recorded French "Numéro introuvable" item reads as not found', async () => {
    const { client, requests } = observedClient(
      replies(
        json({
          success: true,
          code: 200,
          StatutResponse_List: [
            {
              success: true,
              code: 200,
              phoneNumber: '+212620123456',
              messageId: 2270142,
              status: 'Delivered',
              date: '1534615206',
              stopSms: '1',
              isSpam: '0',
            },
            {
              success: false,
              code: 4,
              phoneNumber: '+212621123456',
              messageId: 2270110,
              status: 'Numéro introuvable',
            },
          ],
        }),
      ),
    );
    const result = await client.getMultiStatus({
      SMSStatut_List: [{ phoneNumber: '+212620123456', messageId: 2270142 }],
    });
    expect(requests[0]).toMatchObject({
      method: 'POST',
      json: {
        apiKey: 'test-funded-key',
        SMSStatut_List: [{ phoneNumber: '+212620123456', messageId: 2270142 }],
      },
    });
    expect(normalizeStatusList(result)).toEqual([
      {
        messageId: '2270142',
        phoneNumber: '+212620123456',
        status: 'Delivered',
        found: true,
        at: new Date(1_534_615_206_000),
        stopSms: true,
      },
      {
        messageId: '2270110',
        phoneNumber: '+212621123456',
        status: 'Numéro introuvable',
        found: false,
        at: undefined,
        stopSms: false,
      },
    ]);
  });

  test('bulk status (message_id a string, stopSMS) and status by tag (no message id) in one shape', async () => {
    const item = { phoneNumber: '+212620123456', status: 'Delivered', stopSMS: false, date: '1534615206' };
    const { client } = observedClient(
      replies(
        json({ success: true, code: 200, message_id: '2270142', StatutResponse_List: [item] }),
        json({ success: true, code: 200, currentPage: 1, total: 1, StatutResponse_List: [item] }),
      ),
    );
    expect(normalizeStatusList(await client.getBulkStatus({ messageId: 2270142 }))[0]).toMatchObject({
      messageId: '2270142',
      stopSms: false,
    });
    expect(normalizeStatusList(await client.getStatusByTag({ tag: 'promo' }))[0]).toMatchObject({
      messageId: undefined,
      status: 'Delivered',
    });
  });

  test('statistics: the answer without a code key is a success; the interval travels as given', async () => {
    const { client, requests } = observedClient(replies(json({ success: true, datas: [] })));
    await expect(
      client.getSendingStatistics({ interval: 'custom', from: '01-10-2021', to: '30-11-2021' }),
    ).resolves.toEqual({
      success: true,
      datas: [],
    });
    expect(requests[0]?.query).toMatchObject({ interval: 'custom', from: '01-10-2021', to: '30-11-2021' });
  });
});
