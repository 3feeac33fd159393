import { startMockServer } from '@smspartner-kit/mock-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as estimateEntry from '../../src/estimate.ts';
import { estimateSend, formatAmount } from '../../src/estimate.ts';
import * as mainEntry from '../../src/index.ts';
import { createSmsPartnerClient, normalizeCredits, normalizeSendResult } from '../../src/index.ts';

/**
 * The offline estimator and the mock price sends with the same function, so
 * an estimate made before a send is exactly what the mock charges. This runs
 * a mixed scenario through the real client against the real mock, in process,
 * and reconciles the balance to the thousandth of a euro.
 */
let mock: Awaited<ReturnType<typeof startMockServer>>;
const KEY = 'reconcile-key';

beforeAll(async () => {
  mock = await startMockServer({
    config: {
      accounts: [
        {
          apiKey: KEY,
          balance: '100',
          unicode: true,
          virtualNumbers: ['33700000000'],
          surveys: { S1: 'Rate us 1-5' },
        },
      ],
    },
  });
  mock.store.clock.set(Date.parse('2030-01-15T08:00:00Z'));
});
afterAll(async () => {
  await mock.close();
});

describe('estimate = charge, and the balance reconciles', () => {
  test('a mixed scenario of sends, sandbox sends and cancels', async () => {
    const sms = createSmsPartnerClient({ baseUrl: mock.url, apiKey: KEY, detectBrowser: () => false });
    let expectedMicros = 100_000_000;

    const single = [
      { message: `Crème brûlée [offre] ${'x'.repeat(150)}`, phoneNumbers: ['0612345678', '+33698765432'] },
      { message: 'Привет '.repeat(12), phoneNumbers: '0612345678', isUnicode: true },
      { message: 'Promo -50% NoPub=STOP', phoneNumbers: '0612345678', gamme: 2 as const },
      { message: 'Rappel', phoneNumbers: '+4915112345678', isStopSms: true },
    ];
    for (const input of single) {
      const estimate = estimateSend(input);
      const receipt = normalizeSendResult(await sms.sendSms(input));
      expect(receipt).toMatchObject({
        nbSms: estimate.nbSms,
        cost: Number(formatAmount(estimate.costMicros)),
      });
      expectedMicros -= estimate.costMicros;
    }

    // Sandbox: nothing charged.
    await sms.sendSms({ message: 'test', phoneNumbers: '0612345678', sandbox: true });

    // Scheduled then cancelled: charged, then refunded exactly.
    const scheduled = await sms.sendSms({
      message: 'later',
      phoneNumbers: ['0612345678', '0611111111'],
      scheduledAt: '2030-01-15T12:00:00Z',
    });
    await sms.cancelSms({ messageId: scheduled.message_id });

    // Bulk: the sum of its items.
    const items = [
      { phoneNumber: '0612345678', message: 'a'.repeat(200) },
      { phoneNumber: '0698765432', message: 'short' },
    ];
    const bulk = normalizeSendResult(await sms.sendBulkSms({ messages: items }));
    const bulkMicros = items.reduce(
      (sum, item) => sum + estimateSend({ message: item.message, phoneNumbers: item.phoneNumber }).costMicros,
      0,
    );
    expect(bulk.cost).toBe(Number(formatAmount(bulkMicros)));
    expectedMicros -= bulkMicros;

    // Long number and survey.
    await sms.sendVnSms({ to: '0612345678', from: '33700000000', message: 'hello' });
    expectedMicros -= estimateSend({ message: 'hello', phoneNumbers: '0612345678' }).costMicros;
    await sms.sendSurvey({ phoneNumbers: '0612345678', sondageIdent: 'S1' });
    expectedMicros -= estimateSend({ message: 'Rate us 1-5', phoneNumbers: '0612345678' }).costMicros;

    const credits = normalizeCredits(await sms.getCredits());
    expect(credits.balance).toBe(formatAmount(expectedMicros));
    expect(credits.toSend).toBe(0);
    expect(mock.store.account(KEY)?.balanceMicros).toBe(expectedMicros);
  });

  test('10,000 one-part sends debit exactly 380 EUR', () => {
    let total = 0;
    for (let i = 0; i < 10_000; i++)
      total += estimateSend({ message: 'x', phoneNumbers: '0612345678' }).costMicros;
    expect(formatAmount(total)).toBe('380.000');
  });
});

describe('the estimator is the /estimate entry', () => {
  test('it exports the estimator, and the main entry does not', () => {
    expect(Object.keys(estimateEntry).sort()).toEqual([
      'DEFAULT_PRICE_TABLE',
      'estimateSend',
      'formatAmount',
      'prepareMessage',
    ]);
    expect(Object.keys(mainEntry).filter((name) => name in estimateEntry)).toEqual([]);
  });
});
