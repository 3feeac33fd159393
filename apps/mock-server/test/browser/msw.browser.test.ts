// createSmsPartnerHandlers in a real browser: the MSW entry bundled by esbuild
// for the browser, running behind msw's service worker in headless Debian
// Chromium. The page calls SMS Partner's real URL; the network is closed, so
// an answer can only come from the worker.
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { CANCEL_SUCCESS_MESSAGE } from '@smspartner-kit/schema';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Store } from '../../src/index.ts';
import { FUNDED, MINUTE, scheduleAt, T0 } from '../helpers.ts';
import { HAS_CHROMIUM, launchChromium } from './chromium.ts';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/app.js"></script></head><body></body></html>`;

/** What the test page puts on window. */
interface PageGlobals {
  sms: { store: Store };
}

describe.skipIf(!HAS_CHROMIUM)(
  'the MSW entry in Chromium, behind a service worker',
  { timeout: 60_000 },
  () => {
    let site: Server;
    let origin = '';
    let browser: Awaited<ReturnType<typeof launchChromium>>;
    let page: Page;
    const fromWorker: string[] = [];
    const problems: string[] = [];

    beforeAll(async () => {
      const bundle = await build({
        entryPoints: [new URL('./msw-app.ts', import.meta.url).pathname],
        bundle: true,
        platform: 'browser',
        format: 'esm',
        target: 'es2022',
        conditions: ['@smspartner-kit/source'],
        write: false,
        logLevel: 'silent',
      });
      const app = bundle.outputFiles[0]?.text ?? '';
      const worker = readFileSync(createRequire(import.meta.url).resolve('msw/mockServiceWorker.js'), 'utf8');
      site = createServer((request, response) => {
        const path = new URL(request.url ?? '/', 'http://localhost').pathname;
        const files: Record<string, [string, string]> = {
          '/': ['text/html; charset=utf-8', PAGE],
          '/app.js': ['text/javascript; charset=utf-8', app],
          '/mockServiceWorker.js': ['text/javascript; charset=utf-8', worker],
        };
        const file = files[path];
        if (file) response.writeHead(200, { 'content-type': file[0] }).end(file[1]);
        else response.writeHead(404).end();
      });
      site.listen(0, '127.0.0.1');
      await once(site, 'listening');
      // localhost is a secure context: service workers may register there over plain HTTP.
      origin = `http://localhost:${(site.address() as AddressInfo).port}`;
      browser = await launchChromium();
      page = await browser.newPage();
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('response', (response) => {
        if (response.fromServiceWorker()) fromWorker.push(`${response.request().method()} ${response.url()}`);
      });
      await page.goto(origin);
      await page.waitForFunction(() => (window as unknown as { smsReady?: boolean }).smsReady === true);
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      site?.closeAllConnections();
      await new Promise((resolve) => site?.close(resolve));
    });

    /** Runs `scenario` in the page with `arg`; like page.evaluate, it may only use its parameters. */
    const inPage = <Arg, Result>(
      scenario: (globals: PageGlobals, arg: Arg) => Promise<Result> | Result,
      arg: Arg,
    ) => page.evaluate<Result>(`(${scenario.toString()})(window, ${JSON.stringify(arg)})`);

    test('schedule, the five-minute rule on the store clock, cancel with a refund: from the real base URL', async () => {
      const result = await inPage(
        async ({ sms }, { apiKey, now, schedule, minute }) => {
          sms.store.clock.set(now);
          const post = (body: unknown) =>
            fetch('https://api.smspartner.fr/v1/send', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(body),
            }).then((response) => response.json());
          const cancel = () =>
            fetch(`https://api.smspartner.fr/v1/message-cancel?apiKey=${apiKey}&messageId=1000`).then(
              (response) => response.json(),
            );
          const sent = await post({ apiKey, phoneNumbers: '0600000000', message: 'Hello', ...schedule });
          const credits = sms.store.account(apiKey)?.credits;
          sms.store.clock.advanceBy(55 * minute);
          const tooLate = await cancel();
          sms.store.clock.advanceBy(-10 * minute);
          const cancelled = await cancel();
          return { sent, credits, tooLate, cancelled, after: sms.store.account(apiKey)?.credits };
        },
        { apiKey: FUNDED, now: T0, schedule: scheduleAt(T0 + 60 * MINUTE), minute: MINUTE },
      );
      expect(result).toEqual({
        sent: expect.objectContaining({
          success: true,
          message_id: 1000,
          scheduledDeliveryDate: '2030-01-15 10:00:00',
        }),
        credits: 999,
        tooLate: expect.objectContaining({ success: false, code: 6 }),
        cancelled: { success: true, code: 200, message: CANCEL_SUCCESS_MESSAGE },
        after: 1000,
      });
      expect(fromWorker).toEqual(
        expect.arrayContaining([
          'POST https://api.smspartner.fr/v1/send',
          `GET https://api.smspartner.fr/v1/message-cancel?apiKey=${FUNDED}&messageId=1000`,
        ]),
      );
      expect(problems).toEqual([]);
    });

    test('XML, a 404 with the endpoint list, and an injected dropped connection as a network error', async () => {
      const result = await inPage(
        async ({ sms }, { apiKey }) => {
          const xml = await fetch(`https://api.smspartner.fr/v1/me?apiKey=${apiKey}&_format=xml`);
          const unknown = await fetch('https://api.smspartner.fr/v1/nope').then((response) =>
            response.json(),
          );
          sms.store.account(apiKey)?.faults.add({ endpoint: 'getCredits', drop: true });
          const dropped = await fetch(`https://api.smspartner.fr/v1/me?apiKey=${apiKey}`).then(
            () => 'answered',
            (error: Error) => error.name,
          );
          return {
            type: xml.headers.get('content-type'),
            xml: await xml.text(),
            unknown: unknown.code,
            dropped,
          };
        },
        { apiKey: FUNDED },
      );
      expect(result.type).toContain('application/xml');
      expect(result.xml).toMatch(/<entry>true<\/entry>[\s\S]*funded@example.test/);
      expect(result.unknown).toBe(404);
      expect(result.dropped).toBe('TypeError');
    });
  },
);
