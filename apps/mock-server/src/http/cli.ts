#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { defaultConfigInput, loadConfigFile, parseConfig } from '../core/config.js';
import { parseCorsPolicy } from './cors.js';
import { startMockServer } from './server.js';

const HELP = `smspartner-mock: a stateful local mock of the SMS Partner API

Usage: smspartner-mock [options]

Options:
  --port <n>            port to listen on (default 4010, or $PORT; 0 picks a free one)
  --host <addr>         address to bind (default 127.0.0.1)
  --config <file>       JSON config: accounts (and their settings), prices, errorHttpStatus,
                        bodyLimitBytes, strictParams, stopMention (see the README)
  --cors-origin <list>  allowed browser origins: "loopback" (default), "*", "none", or comma-separated origins
  --quiet               no request log
  -h, --help            this help

Default accounts (without --config): test-funded-key (1000 credits), test-empty-key (0 credits).
Admin API: GET/POST /__mock/clock, POST /__mock/reset, POST|GET /__mock/accounts, GET /__mock/messages,
POST /__mock/faults.
`;

async function main(argv: string[]): Promise<void> {
  let values: ReturnType<typeof parse>['values'];
  function parse(args: string[]) {
    return parseArgs({
      args,
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        config: { type: 'string' },
        'cors-origin': { type: 'string', multiple: true },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  }
  try {
    values = parse(argv).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const portText = values.port ?? process.env.PORT ?? '4010';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65_535) {
    process.stderr.write(`Invalid --port ${portText}: expected 0 to 65535\n`);
    process.exit(2);
  }
  let config: ReturnType<typeof parseConfig>;
  try {
    config = values.config ? loadConfigFile(values.config) : parseConfig(defaultConfigInput);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const log = values.quiet
    ? undefined
    : (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
  try {
    const mock = await startMockServer({
      config,
      port,
      host: values.host ?? '127.0.0.1',
      cors: parseCorsPolicy(values['cors-origin'] ?? []),
      ...(log ? { log } : {}),
    });
    const names = config.accounts.map(
      (account) => `${account.name ?? 'account'} (${account.credits} credits)`,
    );
    process.stdout.write(
      `SMS Partner mock listening on ${mock.url} (API at ${mock.url}/v1); accounts: ${names.join(', ')}\n`,
    );
    const stop = () => {
      void mock.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    process.stderr.write(`Cannot start the mock: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

await main(process.argv.slice(2));
