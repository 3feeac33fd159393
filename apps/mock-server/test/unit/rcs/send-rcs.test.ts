import { endpoints } from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import { FUNDED, get, post, useMock } from '../../helpers.ts';

const server = useMock();
const rcs = (body: Record<string, unknown>) =>
  post(server.url, '/v1/rcs/send', {
    apiKey: FUNDED,
    isUnicode: 1,
    phoneNumbers: ['+33612345678'],
    richContent: { conversation: { text: 'Your parcel arrives tomorrow' } },
    ...body,
  });
const balance = async () =>
  ((await get(server.url, '/v1/me', { apiKey: FUNDED })).json as { credits: { balance: string } }).credits
    .balance;
const sends = async () =>
  ((await get(server.url, '/__mock/rcs', { apiKey: FUNDED })).json as { sends: unknown[] }).sends;
const failover = { sender: 'MyBrand', message: 'Your parcel arrives tomorrow', isStopSms: 1 };

describe('POST /v1/rcs/send', () => {
  test('the documented example answers nb_rcs and the cost of one RCS, and debits it', async () => {
    const { example } = endpoints.sendRcs;
    const answer = await post(server.url, '/v1/rcs/send', { ...example.request, apiKey: FUNDED });
    expect(answer.json).toEqual(example.response);
    expect(await balance()).toBe('37.880');
  });

  test('a number without RCS gets the failover SMS, priced as an SMS and not counted in nb_rcs', async () => {
    const answer = await rcs({ phoneNumbers: ['+33612345678', '+33600010001', '+33698765432'], failover });
    expect(answer.json).toEqual({
      success: true,
      code: 200,
      message_id: 1000,
      nb_rcs: 2,
      cost: 0.278,
      currency: 'EUR',
    });
    expect(await sends()).toEqual([
      {
        messageId: 1000,
        richContent: { conversation: { text: 'Your parcel arrives tomorrow' } },
        failover: { sender: 'MyBrand', message: 'Your parcel arrives tomorrow', isStopSms: 1 },
        rcs: ['+33612345678', '+33698765432'],
        fallback: ['+33600010001'],
        unreached: [],
      },
    ]);
  });

  test('without a failover, a number without RCS is reached by nothing and costs nothing', async () => {
    expect((await rcs({ phoneNumbers: ['+33600010001'] })).json).toMatchObject({ nb_rcs: 0, cost: 0 });
    expect(await sends()).toMatchObject([{ rcs: [], fallback: [], unreached: ['+33600010001'] }]);
  });

  test("phoneNumbers may also be a comma-separated string (the page's table), French numbers national", async () => {
    expect((await rcs({ phoneNumbers: '0612345678, +33698765432' })).json).toMatchObject({
      nb_rcs: 2,
      cost: 0.24,
    });
  });

  test('the message book keeps one line of the content, and lists the message with the others', async () => {
    await rcs({
      richContent: {
        conversation: {
          richCard: {
            orientation: 'VERTICAL',
            title: 'Spring sale',
            media: { fileUrl: 'https://example.com/a.png' },
          },
          suggestions: [{ reply: { text: 'Shop', postbackData: 'shop' } }],
        },
      },
    });
    expect(server.store.listMessages(FUNDED)).toMatchObject([
      {
        messageId: 1000,
        message: 'RCS: [card] Spring sale [Shop]',
        phoneNumbers: ['+33612345678'],
        cost: '0.120000',
      },
    ]);
  });

  test('scheduling as for sends: the echo, the marketing hold, and a cancel that refunds', async () => {
    const scheduled = await rcs({ scheduledDeliveryDate: '16/01/2030', time: 10, minute: 0 });
    expect(scheduled.json).toMatchObject({ message_id: 1000, scheduledDeliveryDate: '2030-01-16 10:00:00' });
    expect(await balance()).toBe('37.880');
    expect(
      (await get(server.url, '/v1/message-cancel', { apiKey: FUNDED, messageId: 1000 })).json,
    ).toMatchObject({
      success: true,
    });
    expect(await balance()).toBe('38.000');

    await post(server.url, '/__mock/accounts', { apiKey: 'marketing-key', credits: 10, marketing: true });
    await post(server.url, '/__mock/clock', { now: '2030-01-15T21:00:00+01:00' });
    expect((await rcs({ apiKey: 'marketing-key' })).json).toMatchObject({
      scheduledDeliveryDate: '2030-01-16 08:00:00',
    });
  });

  test('an unescaped quote in the JSON answers HTTP 400 with code 90', async () => {
    const answer = await post(
      server.url,
      '/v1/rcs/send',
      `{"apiKey":"${FUNDED}","isUnicode":1,"phoneNumbers":["+33612345678"],"richContent":{"conversation":{"text":"say "hi""}}}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ success: false, code: 90 });
  });

  const item = (field: string, message: string) => ({ elementId: `children[${field}].data`, message });
  const card = (fields: Record<string, unknown>) => ({
    conversation: { richCard: { orientation: 'HORIZONTAL', ...fields } },
  });

  test.each([
    ['no conversation', {}, 'The richContent needs its conversation (an object)'],
    [
      'text and file together',
      { conversation: { text: 'a', file: { media: { fileUrl: 'https://e.com/a.pdf' } } } },
      'The conversation must hold exactly one of text, file or richCard',
    ],
    [
      'neither text, file nor richCard',
      { conversation: {} },
      'The conversation must hold exactly one of text, file or richCard',
    ],
    ['a blank text', { conversation: { text: ' ' } }, 'The RCS text cannot be empty'],
    [
      'a suggestion without postbackData',
      { conversation: { text: 'a', suggestions: [{ reply: { text: 'Yes' } }] } },
      'A suggestion needs its postbackData',
    ],
    [
      'a file of a type RBM does not take',
      { conversation: { file: { media: { fileUrl: 'https://e.com/a.exe' } } } },
      'The media type is not supported (see the RCS media table)',
    ],
    [
      'a file that is not an http(s) URL',
      { conversation: { file: { media: { fileUrl: 'ftp://e.com/a.pdf' } } } },
      'The media fileUrl must be an http(s) URL',
    ],
    [
      'a card orientation other than VERTICAL/HORIZONTAL',
      card({ orientation: 'DIAGONAL' }),
      'The card orientation must be VERTICAL or HORIZONTAL',
    ],
    [
      'a card title of 201 characters',
      card({ title: 'a'.repeat(201) }),
      'The card title cannot be longer than 200 characters',
    ],
    [
      'a card description of 501 characters',
      card({ description: 'a'.repeat(501) }),
      'The card description cannot be longer than 500 characters',
    ],
    [
      'a thumbnail alignment on a vertical card',
      card({ orientation: 'VERTICAL', thumbnailImageAlignment: 'LEFT' }),
      'thumbnailImageAlignment applies to HORIZONTAL cards only',
    ],
    [
      'a PDF in a rich card',
      card({ media: { fileUrl: 'https://e.com/a.pdf' } }),
      'The media type cannot be shown in a rich card (jpeg, gif, png or a video)',
    ],
  ])('richContent with %s is a code-9 item', async (_label, richContent, message) => {
    expect((await rcs({ richContent })).json).toEqual({
      success: false,
      code: 9,
      error: [item('richContent', message)],
    });
  });

  test.each([
    ['a PDF file', { conversation: { file: { media: { fileUrl: 'https://e.com/terms.PDF?v=2' } } } }],
    [
      'a horizontal card with a LEFT thumbnail, 200 and 500 characters',
      card({ thumbnailImageAlignment: 'LEFT', title: 'a'.repeat(200), description: 'b'.repeat(500) }),
    ],
    [
      'a card with fields the page cut off (height, its own suggestions)',
      card({ height: 'MEDIUM', suggestions: [] }),
    ],
    [
      'four suggestions',
      {
        conversation: {
          text: 'a',
          suggestions: [1, 2, 3, 4].map((n) => ({ reply: { text: `${n}`, postbackData: `p${n}` } })),
        },
      },
    ],
  ])('richContent with %s is sent', async (_label, richContent) => {
    expect((await rcs({ richContent })).json).toMatchObject({ success: true, nb_rcs: 1 });
  });

  test('every faulty field is listed at once: isUnicode, the failover, an invalid number', async () => {
    const answer = await post(server.url, '/v1/rcs/send', {
      apiKey: FUNDED,
      phoneNumbers: ['922264'],
      richContent: { conversation: { text: 'a' } },
      failover: { sender: 'ab', message: 'x' },
    });
    expect(answer.json).toEqual({
      success: false,
      code: 9,
      error: [
        item('phoneNumbers', 'This phone number is not valid (922264)'),
        item('isUnicode', 'The isUnicode field is required (1)'),
        item('failover', 'The sender must be at least 3 characters long'),
      ],
    });
  });

  test('a Unicode fallback needs Unicode on the account, as a Unicode send does', async () => {
    await post(server.url, '/__mock/accounts', { apiKey: 'plain-key', credits: 10 });
    expect((await rcs({ apiKey: 'plain-key', failover: { message: 'x', isUnicode: 1 } })).json).toEqual({
      success: false,
      code: 9,
      error: [item('isUnicode', 'Unicode sending is not enabled on this account')],
    });
  });
});
