import {
  addStopSmsCodes,
  codesOf,
  decodeXml,
  deleteStopSmsCodes,
  endpoints,
  listStopSmsCodes,
} from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import { startMockServer } from '../../../src/index.ts';
import { FUNDED, get, post, T0, useMock } from '../../helpers.ts';

const server = useMock();
const list = (apiKey = FUNDED, extra: Record<string, string> = {}) =>
  get(server.url, '/v1/stop-sms/list', { apiKey, ...extra });
const add = (body: Record<string, unknown>) => post(server.url, '/v1/stop-sms/add', body);
const remove = (query: Record<string, string | number | undefined>) =>
  get(server.url, '/v1/stop-sms/delete', query);
const fail = (catalogue: Record<number, { message: string }>, code: number) => ({
  success: false,
  code,
  message: catalogue[code]?.message,
});

describe('the STOP list endpoints', () => {
  test('add, list, delete: ids, Paris times, the listed number refused by every send with code 14', async () => {
    expect((await list()).json).toEqual({ success: true, code: 200, nbData: 0, data: [] });
    const added = await add({ apiKey: FUNDED, phoneNumber: '0612345678' });
    expect(added.json).toEqual({ success: true, code: 200, stopId: 1 });
    await post(server.url, '/__mock/clock', { advanceBy: 60_000 });
    expect((await add({ apiKey: FUNDED, phoneNumber: '+4915112345678' })).json).toMatchObject({ stopId: 2 });
    expect((await list()).json).toEqual({
      success: true,
      code: 200,
      nbData: 2,
      data: [
        { id: 1, phoneNumber: '+33612345678', createdAt: '2030-01-15 09:00:00' },
        { id: 2, phoneNumber: '+4915112345678', createdAt: '2030-01-15 09:01:00' },
      ],
    });
    // The send family reads the same list: single sends answer 14, a bulk send fails the item.
    const single = await post(server.url, '/v1/send', {
      apiKey: FUNDED,
      phoneNumbers: '+33612345678',
      message: 'hi',
    });
    expect(single.json).toMatchObject({ success: false, code: 14 });
    const bulk = await post(server.url, '/v1/bulk-send', {
      apiKey: FUNDED,
      SMSList: [
        { phoneNumber: '0612345678', message: 'a' },
        { phoneNumber: '0600000000', message: 'b' },
      ],
    });
    expect(
      (bulk.json as { SMSResponse_List: { code: number }[] }).SMSResponse_List.map((item) => item.code),
    ).toEqual([14, 200]);
    const vn = await post(server.url, '/v1/vn/send', {
      apiKey: FUNDED,
      to: '0612345678',
      from: '33700000000',
      message: 'x',
    });
    expect(vn.json).toMatchObject({ code: 14 });
    // Removed: sends go through again.
    expect((await remove({ apiKey: FUNDED, id: 1 })).json).toEqual({ success: true, code: 200 });
    expect(
      (await post(server.url, '/v1/send', { apiKey: FUNDED, phoneNumbers: '0612345678', message: 'hi' }))
        .json,
    ).toMatchObject({
      success: true,
    });
    expect((await list()).json).toMatchObject({ nbData: 1, data: [{ id: 2 }] });
  });

  test('the status endpoints flag a listed recipient: stopSms true, "1", stopSMS true', async () => {
    const sent = await post(server.url, '/v1/send', {
      apiKey: FUNDED,
      phoneNumbers: '0612345678',
      message: 'hi',
    });
    const id = (sent.json as { message_id: number }).message_id;
    await add({ apiKey: FUNDED, phoneNumber: '0612345678' });
    expect(
      (
        await get(server.url, '/v1/message-status', {
          apiKey: FUNDED,
          messageId: id,
          phoneNumber: '0612345678',
        })
      ).json,
    ).toMatchObject({
      stopSms: true,
    });
    expect(
      (
        await post(server.url, '/v1/multi-status', {
          apiKey: FUNDED,
          SMSStatut_List: [{ phoneNumber: '+33612345678', messageId: id }],
        })
      ).json,
    ).toMatchObject({ StatutResponse_List: [{ stopSms: '1' }] });
    expect((await get(server.url, '/v1/bulk-status', { apiKey: FUNDED, messageId: id })).json).toMatchObject({
      StatutResponse_List: [{ stopSMS: true }],
    });
  });

  test("the config's stopList is the list the endpoints show, and a reset puts it back", async () => {
    const mock = await startMockServer({
      config: { accounts: [{ apiKey: 'stop-key', credits: 5, stopList: ['0699999999'] }] },
    });
    try {
      mock.store.clock.set(T0);
      const shown = await get(mock.url, '/v1/stop-sms/list', { apiKey: 'stop-key' });
      expect(shown.json).toMatchObject({ nbData: 1, data: [{ phoneNumber: '+33699999999' }] });
      const id = (shown.json as { data: { id: number }[] }).data[0]?.id;
      await get(mock.url, '/v1/stop-sms/delete', { apiKey: 'stop-key', id });
      expect((await get(mock.url, '/v1/stop-sms/list', { apiKey: 'stop-key' })).json).toMatchObject({
        nbData: 0,
      });
      await post(mock.url, '/__mock/reset', { apiKey: 'stop-key' });
      expect((await get(mock.url, '/v1/stop-sms/list', { apiKey: 'stop-key' })).json).toMatchObject({
        nbData: 1,
      });
    } finally {
      await mock.close();
    }
  });

  test('the lists are bounded (limits.stopNumbers): past it, add answers 500 and a removal makes room', async () => {
    const mock = await startMockServer({
      config: { accounts: [{ apiKey: 'stop-key', credits: 5 }], limits: { stopNumbers: 2 } },
    });
    try {
      const adding = (phoneNumber: string) =>
        post(mock.url, '/v1/stop-sms/add', { apiKey: 'stop-key', phoneNumber });
      expect((await adding('0611111111')).json).toMatchObject({ success: true });
      expect((await adding('0622222222')).json).toMatchObject({ success: true });
      expect((await adding('0633333333')).json).toEqual(fail(addStopSmsCodes, 500));
      await get(mock.url, '/v1/stop-sms/delete', { apiKey: 'stop-key', phoneNumber: '0611111111' });
      expect((await adding('0633333333')).json).toMatchObject({ success: true });
    } finally {
      await mock.close();
    }
  });

  test.each([
    ['listStopSms', 1, 'no apiKey', () => list('')],
    ['listStopSms', 10, 'an unknown apiKey', () => list('nope')],
    ['addStopSms', 1, 'no apiKey', () => add({ phoneNumber: '0612345678' })],
    ['addStopSms', 2, 'no phoneNumber', () => add({ apiKey: FUNDED })],
    [
      'addStopSms',
      3,
      'a number listed already (in any format)',
      async () => {
        await add({ apiKey: FUNDED, phoneNumber: '0612345678' });
        return add({ apiKey: FUNDED, phoneNumber: '+33612345678' });
      },
    ],
    ['addStopSms', 9, 'a number that is not one', () => add({ apiKey: FUNDED, phoneNumber: '922264' })],
    [
      'addStopSms',
      9,
      'a phoneNumber that is not a string',
      () => add({ apiKey: FUNDED, phoneNumber: 612345678 }),
    ],
    ['addStopSms', 10, 'an unknown apiKey', () => add({ apiKey: 'nope', phoneNumber: '0612345678' })],
    ['deleteStopSms', 1, 'no apiKey', () => remove({ id: 1 })],
    [
      'deleteStopSms',
      2,
      'an empty phoneNumber instead of the id',
      () => remove({ apiKey: FUNDED, phoneNumber: '' }),
    ],
    ['deleteStopSms', 3, 'no id', () => remove({ apiKey: FUNDED })],
    ['deleteStopSms', 4, 'an id not in the list', () => remove({ apiKey: FUNDED, id: 999 })],
    ['deleteStopSms', 4, 'an id that is not one', () => remove({ apiKey: FUNDED, id: 'abc' })],
    ['deleteStopSms', 4, 'a number not listed', () => remove({ apiKey: FUNDED, phoneNumber: '0612345678' })],
    ['deleteStopSms', 10, 'an unknown apiKey', () => remove({ apiKey: 'nope', id: 1 })],
  ] as const)('%s code %i: %s', async (name, code, _cause, run) => {
    const catalogue = endpoints[name].codes as Record<number, { message: string }>;
    expect((await run()).json).toEqual(fail(catalogue, code));
  });

  test('every code of the three catalogues has a case above (500 of add: the bound, tested apart)', () => {
    expect(codesOf(listStopSmsCodes)).toEqual([1, 10]);
    expect(codesOf(addStopSmsCodes)).toEqual([1, 2, 3, 9, 10, 500]);
    expect(codesOf(deleteStopSmsCodes)).toEqual([1, 2, 3, 4, 10]);
  });

  test('XML answers', async () => {
    await add({ apiKey: FUNDED, phoneNumber: '0612345678' });
    const xml = await list(FUNDED, { _format: 'xml' });
    expect(decodeXml(xml.text)).toEqual([true, 200, 1, [[1, '+33612345678', '2030-01-15 09:00:00']]]);
    const added = await add({ apiKey: FUNDED, phoneNumber: '0612345679', _format: 'xml' });
    expect(decodeXml(added.text)).toEqual([true, 200, 2]);
    const failed = await add({ apiKey: FUNDED, phoneNumber: '0612345679', _format: 'xml' });
    expect(decodeXml(failed.text)).toEqual([false, 3, addStopSmsCodes[3].message]);
  });
});
