// The inbox (GET / on the mock) in headless Debian Chromium, driven by
// playwright-core, against a real mock on port 0: what a developer sees after
// `npm start` and a curl.
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { fingerprint, type RunningMock, startMockServer } from '../../src/index.ts';
import { EMPTY, FUNDED, MINUTE, post, scheduleAt, T0 } from '../helpers.ts';
import { HAS_CHROMIUM, launchChromium, screenshotPath } from './chromium.ts';

type Browser = Awaited<ReturnType<typeof launchChromium>>;

/** The text as a person reads it on screen (cells and lines apart), which textContent does not give. */
// biome-ignore lint/performance/useDomNodeTextContent: Playwright's rendered text, on purpose
const shown = (locator: Locator) => locator.innerText();

describe.skipIf(!HAS_CHROMIUM)('the inbox in Chromium', { timeout: 60_000 }, () => {
  let mock: RunningMock;
  let browser: Browser;
  let page: Page;
  /** Console errors and page errors, and the text of every answer the page received. */
  const problems: string[] = [];
  const bodies: Promise<string>[] = [];

  const send = (fields: Record<string, unknown> = {}, apiKey = FUNDED) =>
    post(mock.url, '/v1/send', {
      apiKey,
      phoneNumbers: '0600000001',
      message: 'Your code is 482911',
      ...fields,
    });
  const rows = () => page.locator('#messages tr');
  const open = async () => {
    await page.goto(`${mock.url}/`);
    await page.waitForSelector('html[data-ready="true"]');
  };

  beforeAll(async () => {
    mock = await startMockServer({ checkResponses: true });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await mock?.close();
  });
  beforeEach(async () => {
    mock.store.reset();
    mock.store.clock.set(T0);
    problems.length = 0;
    bodies.length = 0;
    page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (!response.headers()['content-type']?.includes('event-stream'))
        bodies.push(response.text().catch(() => ''));
    });
  });
  afterEach(async () => {
    // No answer the page got, and nothing it shows, carries a key.
    const texts = [...(await Promise.all(bodies)), await page.content()];
    for (const key of [FUNDED, EMPTY]) expect(texts.filter((text) => text.includes(key))).toEqual([]);
    expect(problems).toEqual([]);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.close();
  });

  test('a message sent with curl a moment before is on the page, and the next one arrives live', async () => {
    await send();
    await open();
    await expect.poll(() => rows().count()).toBe(1);
    expect(await shown(rows().first())).toMatch(
      /1000\s.*funded\s+\+33600000001\s+Your code is 482911\s+sent/s,
    );
    expect(await shown(page.locator('#live'))).toBe('live');

    await send({ phoneNumbers: '0600000002', message: 'Second, over server-sent events' });
    await expect.poll(() => rows().count(), { timeout: 5000 }).toBe(2);
    expect(await shown(rows().first())).toContain('Second, over server-sent events');
  });

  test('filters by account, recipient, tag and state', async () => {
    await post(mock.url, '/__mock/accounts', { apiKey: EMPTY, credits: 10 });
    await send({ tag: 'otp' });
    await send({ phoneNumbers: '0611111111', message: 'Other account' }, EMPTY);
    await send({ phoneNumbers: '0622222222', message: 'Later', ...scheduleAt(T0 + 60 * MINUTE) });
    await open();
    await expect.poll(() => rows().count()).toBe(3);
    const ids = async () =>
      (await rows().evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.id))).join(',');

    await page.selectOption('select[name="account"]', fingerprint(EMPTY));
    await expect.poll(ids).toBe('1001');
    expect(await page.locator('select[name="account"] option:checked').textContent()).toContain('no credits');
    await page.selectOption('select[name="account"]', '');
    await page.fill('input[name="to"]', '06 22 22 22 22');
    await expect.poll(ids).toBe('1002');
    await page.fill('input[name="to"]', '');
    await page.fill('input[name="tag"]', 'otp');
    await expect.poll(ids).toBe('1000');
    await page.fill('input[name="tag"]', '');
    await page.selectOption('select[name="state"]', 'scheduled');
    await expect.poll(ids).toBe('1002');
  });

  test('the detail shows parts, encoding, cost and history; cancel refunds; the clock buttons move the clock', async () => {
    await send({
      message: 'Soldes: -20% sur tout, crème brûlée offerte ! '.repeat(4),
      ...scheduleAt(T0 + 60 * MINUTE),
    });
    await open();
    await rows().first().click();
    const detail = page.locator('#detail');
    await expect.poll(() => detail.isVisible()).toBe(true);
    const text = await shown(detail);
    expect(text).toMatch(/encoding\s+GSM 7-bit · 184 septets/);
    expect(text).toMatch(/parts\s+2 per recipient × 1 = 2 SMS/);
    expect(text).toMatch(/cost\s+0\.076 €/);
    expect(text).toMatch(/scheduled for\s+15 Jan 2030, 10:00:00/);
    // The admin API has POST /__mock/replies (the message lifecycle): the reply and STOP controls are there.
    expect(await detail.getByRole('button', { name: 'Simulate STOP' }).count()).toBe(1);

    await page.getByRole('button', { name: '+5 min' }).click();
    await expect.poll(() => mock.store.clock.now()).toBe(T0 + 5 * MINUTE);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => mock.store.listMessages(FUNDED)?.[0]?.state).toBe('cancelled');
    expect(mock.store.account(FUNDED)?.credits).toBe(1000);
    await expect.poll(async () => (await shown(detail)).includes('cancelled')).toBe(true);

    await send({ ...scheduleAt(T0 + 90 * MINUTE) });
    await page.getByRole('button', { name: 'Next send' }).click();
    await expect.poll(() => mock.store.clock.now()).toBe(T0 + 90 * MINUTE);
    await expect.poll(async () => (await shown(rows().first())).includes('sent')).toBe(true);
  });

  test('reply and STOP controls appear once the admin API has POST /__mock/replies, and send JSON by handle', async () => {
    await send();
    // The calls are caught here, so the test sees exactly what the page sends.
    const sent: { body: unknown; type: string | undefined }[] = [];
    await page.route('**/__mock/inbox/state', async (route) => {
      const response = await route.fetch();
      const state = (await response.json()) as { routes: string[] };
      await route.fulfill({
        response,
        json: { ...state, routes: [...state.routes, 'POST /__mock/replies'] },
      });
    });
    await page.route('**/__mock/replies', async (route) => {
      sent.push({ body: route.request().postDataJSON(), type: route.request().headers()['content-type'] });
      await route.fulfill({ json: { sent: true } });
    });
    await open();
    await rows().first().click();
    await page.getByRole('button', { name: 'Simulate STOP' }).click();
    await page.getByLabel('Reply text').fill('Yes please');
    await page.getByRole('button', { name: 'Simulate reply' }).click();
    await expect.poll(() => sent.length).toBe(2);
    const expected = { account: fingerprint(FUNDED), from: '+33600000001', messageId: 1000 };
    expect(sent).toEqual([
      { body: { ...expected, text: 'STOP' }, type: 'application/json' },
      { body: { ...expected, text: 'Yes please' }, type: 'application/json' },
    ]);
  });

  test('stays responsive with 100,000 stored messages, and saves a screenshot', async () => {
    const funded = mock.store.account(FUNDED);
    const empty = mock.store.account(EMPTY);
    if (!funded || !empty) throw new Error('default accounts missing');
    // Sandbox messages: stored like any other, at no cost, so no balance runs out.
    for (let index = 0; index < 100_000; index++) {
      const scheduled = index % 7 === 0;
      mock.store.messages.schedule(
        index % 3 === 0 ? empty : funded,
        {
          kind: 'send',
          phoneNumbers: [`+336${String(10_000_000 + index).slice(-8)}`],
          message: index % 1000 === 0 ? `Your code is ${100_000 + index}` : `Order ${index} has shipped`,
          range: 'premium',
          held: false,
          nbSms: 1,
          costMicros: 0,
          sendAt: scheduled ? T0 + 60 * MINUTE : T0,
          scheduled,
          sandbox: true,
          ...(index % 10 === 0 ? { tag: 'promo' } : {}),
        },
        T0,
      );
    }
    expect(mock.store.messages.usage().messages).toBe(100_000);

    const started = performance.now();
    await open();
    const firstPaint = performance.now() - started;
    expect(await rows().count()).toBe(50);
    expect(await rows().first().getAttribute('data-id')).toBe('100999');

    const filtered = performance.now();
    await page.fill('input[name="text"]', 'your code');
    await expect.poll(() => rows().count()).toBe(50);
    await expect.poll(async () => (await shown(rows().first())).includes('Your code is 199000')).toBe(true);
    const filterTime = performance.now() - filtered;
    await page.fill('input[name="text"]', 'no such text anywhere');
    await expect.poll(() => rows().count()).toBe(0);
    await page.fill('input[name="text"]', '');
    await expect.poll(() => rows().count()).toBe(50);
    await page.getByRole('button', { name: 'Older messages' }).click();
    await expect.poll(() => rows().count()).toBe(100);

    // A new message still shows up live at the top, with 100,000 behind it.
    await send({ message: 'Fresh one on top' });
    await expect
      .poll(async () => (await shown(rows().first())).includes('Fresh one on top'), { timeout: 5000 })
      .toBe(true);
    await rows().first().click();
    await page.waitForSelector('#detail h2');
    const path = screenshotPath('inbox.png');
    await page.screenshot({ path });
    console.info(
      `inbox with 100,000 messages: first page ${firstPaint.toFixed(0)} ms, text filter ${filterTime.toFixed(0)} ms; screenshot ${path}`,
    );
  });
});
