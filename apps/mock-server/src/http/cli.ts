#!/usr/bin/env node
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultConfigInput, parseConfig } from '../core/config.js';
import { parseSeed, type SeedDocument, SeedError } from '../state/seed.js';
import { loadConfigFile, readJsonFile } from './config-file.js';
import { parseCorsPolicy } from './cors.js';
import { isLoopbackHost, parseHostPolicy } from './hosts.js';
import { createLogWriter } from './log.js';
import { startMockServer } from './server.js';

const HELP = `smspartner-mock: a stateful local mock of the SMS Partner API

Usage: smspartner-mock [options]

Options:
  --port <n>            port to listen on (default 4010, or $PORT; 0 picks a free one)
  --host <addr>         address to bind (default 127.0.0.1)
  --config <file>       JSON config: accounts (and their settings), prices, errorHttpStatus,
                        bodyLimitBytes, strictParams, stopMention (see the README)
  --seed <file>         JSON seed: accounts (with their STOP lists and messages), prices, clock;
                        applied at start and again after every full reset (see the README)
  --cors-origin <list>  allowed browser origins: "loopback" (default), "*", "none", or comma-separated origins
  --allowed-hosts <list> Host names served besides loopback ones (e.g. "mock" in Docker), or "any"
                        (default: loopback names only when bound to loopback, any otherwise)
  --admin-token <token> require this token on the admin API (Authorization: Bearer <token>);
                        also read from $SMSPARTNER_MOCK_ADMIN_TOKEN
  --pid-file <file>     write the process id to <file> once listening (removed on exit), so a
                        script can wait for the file, then stop the mock with kill "$(cat <file>)"
  --quiet               no request log
  -h, --help            this help

Default accounts (without --config): test-funded-key (1000 credits), test-empty-key (0 credits).
Admin API: GET/POST /__mock/clock, POST /__mock/reset, POST|GET /__mock/accounts, GET /__mock/messages,
GET /__mock/requests, POST|GET|DELETE /__mock/faults, POST /__mock/seed.
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
        seed: { type: 'string' },
        'cors-origin': { type: 'string', multiple: true },
        'allowed-hosts': { type: 'string', multiple: true },
        'admin-token': { type: 'string' },
        'pid-file': { type: 'string' },
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
  let seed: SeedDocument | undefined;
  try {
    seed = values.seed ? parseSeed(readJsonFile(values.seed, 'seed file')) : undefined;
  } catch (error) {
    const message = (error as Error).message;
    process.stderr.write(`${error instanceof SeedError ? `${values.seed}: ${message}` : message}\n`);
    process.exit(2);
  }
  const log = values.quiet ? undefined : createLogWriter((chunk) => process.stdout.write(chunk));
  const host = values.host ?? '127.0.0.1';
  const adminToken = values['admin-token'] ?? (process.env.SMSPARTNER_MOCK_ADMIN_TOKEN || undefined);
  if (!isLoopbackHost(host)) {
    process.stderr.write(
      `WARNING: bound to ${host}, the mock is reachable from other machines. Its admin API can reset\n` +
        `every account and move every clock${adminToken ? '; it requires the admin token.' : ': protect it with --admin-token.'}\n`,
    );
  }
  try {
    const mock = await startMockServer({
      config,
      ...(seed ? { seed } : {}),
      port,
      host,
      cors: parseCorsPolicy(values['cors-origin'] ?? []),
      ...(values['allowed-hosts'] ? { allowedHosts: parseHostPolicy(values['allowed-hosts']) } : {}),
      ...(adminToken ? { adminToken } : {}),
      ...(log ? { log } : {}),
    });
    // Signal handlers first: the start-up line and the pid file both mean "ready",
    // and a SIGTERM sent the moment either appears must reach `stop`, not the
    // default disposition (which would kill the process with the pid file left).
    const stop = () => {
      log?.flush();
      void mock.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (log) process.once('exit', () => log.flush());
    const names = [...mock.store.apiKeys()].map((apiKey) => {
      const account = mock.store.account(apiKey);
      return `${account?.name ?? 'account'} (${account?.credits ?? 0} credits)`;
    });
    process.stdout.write(
      `SMS Partner mock listening on ${mock.url} (API at ${mock.url}/v1); accounts: ${names.join(', ')}\n`,
    );
    if (values['pid-file']) writePidFile(values['pid-file']);
  } catch (error) {
    process.stderr.write(`Cannot start the mock: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

/**
 * Writes this process's id once the mock listens, so that the file's existence
 * means "ready" and its content is the process to stop (`npx smspartner-mock &`
 * gives `$!` the id of npm, not of the mock). Written whole or not at all
 * (renamed into place); removed on exit if it still names this process.
 */
function writePidFile(file: string): void {
  const pid = String(process.pid);
  // The removal hook goes in before the file exists, so no exit can leave it behind.
  process.once('exit', () => {
    try {
      if (readFileSync(file, 'utf8').trim() === pid) unlinkSync(file);
    } catch {}
  });
  try {
    writeFileSync(`${file}.${pid}.tmp`, `${pid}\n`);
    renameSync(`${file}.${pid}.tmp`, file);
  } catch (error) {
    process.stderr.write(`Cannot write --pid-file ${file}: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

await main(process.argv.slice(2));
