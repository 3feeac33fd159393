// The client inside a real browser (headless Debian Chromium, driven by playwright-core),
// bundled by esbuild for the browser, talking cross-origin to the in-process mock:
// the page is served from http://localhost:<port> (origin A), the mock from
// http://127.0.0.1:<port> (origin B), so every call goes through real CORS.
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type RunningMock, startMockServer } from '@smspartner-kit/mock-server';
import type * as Schema from '@smspartner-kit/schema';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type * as Kit from '../../src/index.ts';
import type * as KitXml from '../../src/xml.ts';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
const MISSING_CHROMIUM = `Chromium not found at ${CHROMIUM_PATH}: run \`node scripts/setup.mjs --browser\` (Debian's chromium) or set CHROMIUM_PATH`;
if (!HAS_CHROMIUM && process.env.CI) throw new Error(MISSING_CHROMIUM);
if (!HAS_CHROMIUM) console.warn(`Skipping the browser suite. ${MISSING_CHROMIUM}`);

// The network is closed and we run as root: no sandbox, nothing phoning home.
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const KEY = 'test-funded-key';
const MOCK_NOW = Date.parse('2030-01-15T08:00:00Z');
/** One hour after the mock's clock: 10:00 in Paris. */
const SCHEDULED_AT = '2030-01-15T09:00:00Z';
const SENT = {
  success: true,
  code: 200,
  message_id: 1000,
  nb_sms: 1,
  cost: 0.038,
  currency: 'EUR',
  scheduledDeliveryDate: '2030-01-15 10:00:00',
};
const CANCELLED = { success: true, code: 200, message: 'The SMS sending has been canceled.' };

/** What a scenario run in the page hands back: plain JSON, errors flattened. */
type Outcome =
  | { ok: true; value: unknown }
  | { ok: false; name: string; code: unknown; option: unknown; message: string };

/** What the page puts on `window` (see PAGE). */
interface PageGlobals {
  /** The main entry, plus `xmlFormat` from the `/xml` entry and the cancel route from the schema package. */
  kit: typeof Kit & typeof KitXml & Pick<typeof Schema, 'cancelSmsRoute'>;
  outcome(run: () => unknown): Promise<Outcome>;
}

const PAGE = `<!doctype html>
<html>
  <head>
    <meta charset="utf-8">
    <title>@smspartner-kit/client in a browser</title>
    <link rel="icon" href="data:,">
    <script type="module">
      import * as kit from '/bundle.js';
      window.kit = kit;
      window.outcome = async (run) => {
        try {
          return { ok: true, value: await run() };
        } catch (error) {
          return {
            ok: false,
            name: String(error?.name),
            code: error?.code ?? null,
            option: error?.option ?? null,
            message: String(error?.message),
          };
        }
      };
      window.kitReady = true;
    </script>
  </head>
  <body></body>
</html>`;

const here = fileURLToPath(new URL('.', import.meta.url));
/** packages/client: esbuild's metafile paths are relative to it. */
const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Bundles `contents` (an entry in test/browser/) the way a browser app would, into memory. */
const bundleForBrowser = (contents: string) =>
  build({
    stdin: { contents, resolveDir: here, sourcefile: 'browser-entry.ts', loader: 'ts' },
    absWorkingDir: packageRoot,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    conditions: ['@smspartner-kit/source'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });

const listen = async (server: Server) => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
};

const closeServer = (server: Server) =>
  new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });

describe.skipIf(!HAS_CHROMIUM)(
  'the client in headless Chromium, cross-origin to the mock',
  { timeout: 60_000 },
  () => {
    let bundle = '';
    let bundleInputs: string[] = [];
    let site: Server | undefined;
    let pageOrigin = '';
    let mock: RunningMock | undefined;
    /** A second mock that only allows https://elsewhere.example, and what it logged. */
    let elsewhere: RunningMock | undefined;
    const elsewhereLog: string[] = [];
    let browser: Browser | undefined;
    let page: Page;
    /** Console errors and uncaught page errors since the last reset. */
    const problems: string[] = [];

    const mockUrl = () => (mock as RunningMock).url;
    const elsewhereUrl = () => (elsewhere as RunningMock).url;

    beforeAll(async () => {
      const result = await bundleForBrowser(
        "export * from '../../src/index.ts'; export { xmlFormat } from '../../src/xml.ts'; export { cancelSmsRoute } from '@smspartner-kit/schema';",
      );
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
      bundle = result.outputFiles[0]?.text ?? '';
      bundleInputs = Object.keys(result.metafile.inputs);

      site = createServer((request, response) => {
        const path = new URL(request.url ?? '/', 'http://localhost').pathname;
        if (path === '/') {
          response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
        } else if (path === '/bundle.js') {
          response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
        } else {
          response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        }
      });
      pageOrigin = `http://localhost:${await listen(site)}`;

      mock = await startMockServer({ port: 0 });
      elsewhere = await startMockServer({
        port: 0,
        cors: ['https://elsewhere.example'],
        log: (line) => elsewhereLog.push(line),
      });

      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
      page = await browser.newPage();
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      await page.goto(`${pageOrigin}/`);
      await page.waitForFunction(() => (window as unknown as { kitReady?: boolean }).kitReady === true);
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await Promise.all([site ? closeServer(site) : undefined, mock?.close(), elsewhere?.close()]);
    }, 60_000);

    beforeEach(() => {
      for (const running of [mock, elsewhere]) {
        running?.store.reset();
        running?.store.clock.set(MOCK_NOW);
      }
      elsewhereLog.length = 0;
      problems.length = 0;
    });

    /**
     * Runs `scenario` in the page with `arg` (JSON) and returns its outcome. Like
     * `page.evaluate`, it sends the function's source: it may only use its parameters.
     */
    const inPage = <Arg>(scenario: (globals: PageGlobals, arg: Arg) => unknown, arg: Arg): Promise<Outcome> =>
      page.evaluate<Outcome>(
        `window.outcome(() => (${scenario.toString()})(window, ${JSON.stringify(arg)}))`,
      );

    test('the bundle builds for the browser without Node built-ins, from the TypeScript sources', () => {
      expect(bundle.length).toBeGreaterThan(0);
      expect(bundleInputs.some((input) => input.startsWith('../schema/src/'))).toBe(true);
      expect(bundleInputs.some((input) => input.startsWith('node:'))).toBe(false);
    });

    test('the main entry alone bundles neither the XML codec nor the estimator (libphonenumber-js)', async () => {
      const main = await bundleForBrowser("export * from '../../src/index.ts';");
      // What ends up in the output: `metafile.inputs` also lists the files tree shaking dropped.
      const output = Object.values(main.metafile.outputs)[0];
      const inputs = Object.entries(output?.inputs ?? {})
        .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
        .map(([input]) => input);
      expect(inputs).toContain('../schema/src/endpoints/sms/cancel-sms/route.ts');
      expect(
        inputs.filter((input) => /schema\/src\/xml\.ts|libphonenumber|pricing|sms-parts/.test(input)),
      ).toEqual([]);
      expect(bundleInputs).toContain('../schema/src/xml.ts');
    });

    test('one endpoint through the transport bundles its route and no other endpoint module', async () => {
      const single = await bundleForBrowser(
        "export { createTransport } from '../../src/index.ts'; export { cancelSmsRoute } from '@smspartner-kit/schema';",
      );
      const output = Object.values(single.metafile.outputs)[0];
      const schemaModules = Object.entries(output?.inputs ?? {})
        .filter(([input, { bytesInOutput }]) => bytesInOutput > 0 && input.startsWith('../schema/src/'))
        .map(([input]) => input.slice('../schema/src/'.length))
        .sort();
      // The route and what it is made of: no request schema (entry.ts), no registry, no other endpoint.
      expect(schemaModules).toEqual([
        'core/codes.ts',
        'core/define.ts',
        'core/envelope.ts',
        'core/redact.ts',
        'endpoints/sms/cancel-sms/route.ts',
      ]);
    });

    test('the same bundling refuses a Node built-in, so the client pulls none', async () => {
      await expect(bundleForBrowser("export { readFileSync } from 'node:fs';")).rejects.toThrow(
        /Could not resolve "node:fs"/,
      );
    });

    test('the page and the mock are different origins, and the client sees a browser', async () => {
      expect(new URL(mockUrl()).origin).not.toBe(pageOrigin);
      const result = await inPage(
        ({ kit }) => ({ origin: location.origin, browser: kit.isBrowserLike() }),
        null,
      );
      expect(result).toEqual({ ok: true, value: { origin: pageOrigin, browser: true } });
      expect(problems).toEqual([]);
    });

    test('an apiKey without the opt-in throws SmsPartnerConfigError, and the message omits the key', async () => {
      const result = await inPage(
        ({ kit }, baseUrl) => kit.createSmsPartnerClient({ baseUrl, apiKey: 'test-funded-key' }),
        mockUrl(),
      );
      expect(result).toMatchObject({
        ok: false,
        name: 'SmsPartnerConfigError',
        option: 'dangerouslyAllowApiKeyInBrowser',
      });
      // Nothing the page got back (name, option, message) carries the key.
      expect(JSON.stringify(result)).not.toContain(KEY);
      expect(problems).toEqual([]);
    });

    test('with the opt-in, a scheduled send is cancelled once, then cancelling again answers code 5', async () => {
      const sent = await inPage(
        ({ kit }, { baseUrl, scheduledAt }) =>
          kit
            .createSmsPartnerClient({
              baseUrl,
              apiKey: 'test-funded-key',
              dangerouslyAllowApiKeyInBrowser: true,
            })
            .sendSms({ phoneNumbers: '0600000000', message: 'Hello', scheduledAt: new Date(scheduledAt) }),
        { baseUrl: mockUrl(), scheduledAt: SCHEDULED_AT },
      );
      expect(sent).toEqual({ ok: true, value: SENT });
      expect(mock?.store.account(KEY)?.credits).toBe(999);

      const cancel = (messageId: number) =>
        inPage(
          ({ kit }, { baseUrl, id }) =>
            kit
              .createSmsPartnerClient({
                baseUrl,
                apiKey: 'test-funded-key',
                dangerouslyAllowApiKeyInBrowser: true,
              })
              .cancelSms({ messageId: id }),
          { baseUrl: mockUrl(), id: messageId },
        );
      expect(await cancel(SENT.message_id)).toEqual({ ok: true, value: CANCELLED });
      expect(await cancel(SENT.message_id)).toMatchObject({ ok: false, name: 'SmsPartnerApiError', code: 5 });

      expect(mock?.store.listMessages(KEY)?.map(({ messageId, state }) => ({ messageId, state }))).toEqual([
        { messageId: 1000, state: 'cancelled' },
      ]);
      expect(mock?.store.account(KEY)?.credits).toBe(1000);
      expect(problems).toEqual([]);
    });

    test('one endpoint through the transport, with its route from the schema package', async () => {
      const result = await inPage(
        ({ kit }, baseUrl) =>
          kit
            .createTransport({ baseUrl, apiKey: 'test-funded-key', dangerouslyAllowApiKeyInBrowser: true })
            .call(kit.cancelSmsRoute, { messageId: 999_999 }),
        mockUrl(),
      );
      expect(result).toMatchObject({ ok: false, name: 'SmsPartnerApiError', code: 4 });
      expect(problems).toEqual([]);
    });

    test.each([
      {
        format: 'json' as const,
        contentType: 'application/json',
      },
      {
        format: 'xml' as const,
        contentType: 'application/xml',
      },
    ])(
      'in $format, cancelling an unknown id answers code 4 and a send resolves to the typed body',
      async ({ format, contentType }) => {
        const result = await inPage(
          async ({ kit, outcome }, { baseUrl, format, scheduledAt }) => {
            const contentTypes: (string | null)[] = [];
            const sms = kit.createSmsPartnerClient({
              baseUrl,
              apiKey: 'test-funded-key',
              dangerouslyAllowApiKeyInBrowser: true,
              format: format === 'xml' ? kit.xmlFormat : format,
              hooks: {
                afterResponse: [
                  ({ response }) => {
                    contentTypes.push(response.headers.get('content-type'));
                  },
                ],
              },
            });
            const cancelUnknown = await outcome(() => sms.cancelSms({ messageId: 999_999 }));
            const send = await outcome(() =>
              sms.sendSms({
                phoneNumbers: '0600000000',
                message: 'Hello',
                scheduledAt: new Date(scheduledAt),
              }),
            );
            return { cancelUnknown, send, contentTypes };
          },
          { baseUrl: mockUrl(), format, scheduledAt: SCHEDULED_AT },
        );
        expect(result.ok).toBe(true);
        const value = (result as { value: Record<string, unknown> }).value;
        expect(value.cancelUnknown).toMatchObject({ ok: false, name: 'SmsPartnerApiError', code: 4 });
        expect(value.send).toEqual({ ok: true, value: SENT });
        expect(value.contentTypes).toEqual([
          expect.stringContaining(contentType),
          expect.stringContaining(contentType),
        ]);
        expect(problems).toEqual([]);
      },
    );

    test.each([
      { call: 'cancelSms', code: 1 },
      { call: 'sendSms', code: 1 },
    ] as const)(
      'in proxy mode (no apiKey, no opt-in), $call reaches the mock without a key: code $code',
      async ({ call, code }) => {
        const result = await inPage(
          ({ kit }, { baseUrl, call, scheduledAt }) => {
            const sms = kit.createSmsPartnerClient({ baseUrl });
            return call === 'cancelSms'
              ? sms.cancelSms({ messageId: 1000 })
              : sms.sendSms({
                  phoneNumbers: '0600000000',
                  message: 'Hello',
                  scheduledAt: new Date(scheduledAt),
                });
          },
          { baseUrl: mockUrl(), call, scheduledAt: SCHEDULED_AT },
        );
        expect(result).toMatchObject({ ok: false, name: 'SmsPartnerApiError', code });
        expect(mock?.store.listMessages(KEY)).toEqual([]);
        expect(problems).toEqual([]);
      },
    );

    test.each([
      // A JSON POST needs a preflight; the mock refuses it, so the send never reaches it.
      {
        call: 'sendSms',
        logged: [],
        blocked: "Response to preflight request doesn't pass access control check",
      },
      // A GET with safelisted headers goes out without a preflight: the mock answers, the browser hides the answer.
      {
        call: 'cancelSms',
        logged: ['GET /v1/message-cancel?apiKey=REDACTED&messageId=1000 -> 200 code=4'],
        blocked: "No 'Access-Control-Allow-Origin' header is present",
      },
    ] as const)(
      'from an origin the mock does not allow, $call fails with SmsPartnerNetworkError',
      async ({ call, logged, blocked }) => {
        const result = await inPage(
          ({ kit }, { baseUrl, call, scheduledAt }) => {
            const sms = kit.createSmsPartnerClient({
              baseUrl,
              apiKey: 'test-funded-key',
              dangerouslyAllowApiKeyInBrowser: true,
              retry: 0,
            });
            return call === 'cancelSms'
              ? sms.cancelSms({ messageId: 1000 })
              : sms.sendSms({
                  phoneNumbers: '0600000000',
                  message: 'Hello',
                  scheduledAt: new Date(scheduledAt),
                });
          },
          { baseUrl: elsewhereUrl(), call, scheduledAt: SCHEDULED_AT },
        );
        expect(result).toMatchObject({ ok: false, name: 'SmsPartnerNetworkError' });
        expect(elsewhereLog).toEqual(logged);
        expect(elsewhere?.store.listMessages(KEY)).toEqual([]);
        expect(elsewhere?.store.account(KEY)?.credits).toBe(1000);
        // Chromium reports the block on the console; nothing else goes wrong in the page.
        await expect
          .poll(() =>
            problems.some((problem) => problem.includes(`has been blocked by CORS policy: ${blocked}`)),
          )
          .toBe(true);
        expect(problems.filter((problem) => !/blocked by CORS policy|net::ERR_FAILED/.test(problem))).toEqual(
          [],
        );
      },
    );
  },
);
