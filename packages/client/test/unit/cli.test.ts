import { type RunningMock, startMockServer } from '@smspartner-kit/mock-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { CLI_HELP, runCli } from '../../src/cli.ts';

const KEY = 'test-funded-key';
const T0 = Date.parse('2030-01-15T08:00:00Z');
let mock: RunningMock;

beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.store.reset();
  mock.store.clock.set(T0);
});

/** Runs the CLI as a shell would, with the key in the environment; answers the exit code and both outputs. */
async function cli(args: string[], env: Record<string, string | undefined> = { SMSPARTNER_API_KEY: KEY }) {
  let out = '';
  let err = '';
  const code = await runCli(args, { env, out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}
const at = (base: string) => ['--base-url', base];

describe('smspartner (the client CLI), against the mock', () => {
  test('credits', async () => {
    expect(await cli(['credits', ...at(mock.url)])).toEqual({
      code: 0,
      out: '1000 SMS credits · balance 38.000 EUR · 0 SMS scheduled\n',
      err: '',
    });
  });

  test('send now, send later, then cancel; --json prints the answer', async () => {
    expect(await cli(['send', '0600000000', 'Hello from a shell', ...at(mock.url)])).toMatchObject({
      code: 0,
      out: 'message 1000 sent: 1 SMS, 0.038 EUR\n',
    });
    const later = await cli([
      'send',
      '0600000000,0611111111',
      'Later',
      '--at',
      '2030-01-15T10:00:00+01:00',
      '--tag',
      'cli',
      ...at(mock.url),
    ]);
    expect(later.out).toBe('message 1001 scheduled for 2030-01-15 10:00:00 (Paris): 2 SMS, 0.076 EUR\n');
    expect(mock.store.listMessages(KEY)?.[1]).toMatchObject({
      tag: 'cli',
      phoneNumbers: ['+33600000000', '+33611111111'],
    });
    const cancelled = await cli(['cancel', '1001', '--json', ...at(mock.url)]);
    expect(JSON.parse(cancelled.out)).toEqual({
      success: true,
      code: 200,
      message: 'The SMS sending has been canceled.',
    });
  });

  test('a refusal exits 1 with the code, and never prints the key', async () => {
    const refused = await cli(['cancel', '1000', ...at(mock.url)]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^refused: SMS Partner answered code 4 \(Message not found\)/);
    expect(refused.err).not.toContain(KEY);
    const invalid = await cli(['send', '12', 'x', ...at(mock.url)]);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toContain('children[phoneNumbers].data');
  });

  test('the base URL from SMSPARTNER_BASE_URL; no answer exits 3', async () => {
    expect((await cli(['credits'], { SMSPARTNER_API_KEY: KEY, SMSPARTNER_BASE_URL: mock.url })).code).toBe(0);
    const closed = await startMockServer({ port: 0 });
    await closed.close();
    const unreachable = await cli(['credits', ...at(closed.url)], { SMSPARTNER_API_KEY: KEY });
    expect(unreachable.code).toBe(3);
  });

  test("status: one recipient's, or every recipient's, delivery state on the mock's clock", async () => {
    await cli(['send', '0600000000,+33699000001', 'Hello', ...at(mock.url)]);
    expect(await cli(['status', '1000', '0600000000', ...at(mock.url)])).toEqual({
      code: 0,
      out: 'message 1000 to +33600000000: Waiting since 2030-01-15T08:00:00.000Z\n',
      err: '',
    });
    mock.store.clock.advanceBy(6_000);
    expect((await cli(['status', '1000', ...at(mock.url)])).out).toBe(
      'message 1000:\n  +33600000000: Delivered since 2030-01-15T08:00:06.000Z\n  +33699000001: Not delivered since 2030-01-15T08:00:06.000Z\n',
    );
    expect(await cli(['status', '999', '0600000000', ...at(mock.url)])).toMatchObject({ code: 1 });
  });

  test.each([
    [[], ''],
    [['credits'], 'Set SMSPARTNER_API_KEY'],
    [['frobnicate'], 'Unknown command: frobnicate'],
    [['send', 'only-a-number'], 'send takes <numbers> and <text>'],
    [['cancel', 'abc'], 'cancel takes one message id'],
    [['credits', '--base-url'], '--base-url needs a value'],
    [['credits', '--bogus'], 'Unknown option --bogus'],
  ])('%j is a usage error (exit 2)', async (args, reason) => {
    const env = args[0] === 'credits' && args.length === 1 ? {} : { SMSPARTNER_API_KEY: KEY };
    const run = await cli(args, env);
    expect(run.code).toBe(2);
    expect(`${run.out}${run.err}`).toContain(reason);
    expect(`${run.out}${run.err}`).toContain('Usage:');
  });

  test('--help prints the commands and exits 0', async () => {
    expect(await cli(['--help'])).toEqual({ code: 0, out: CLI_HELP, err: '' });
    for (const command of ['credits', 'send', 'cancel', 'status', '--base-url', 'SMSPARTNER_API_KEY'])
      expect(CLI_HELP).toContain(command);
  });
});
