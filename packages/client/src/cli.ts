// `smspartner`: a small command line on the client, to poke the mock or the
// real API from a shell (bin/smspartner.js runs it). It uses the public client
// only (createSmsPartnerClient) and takes the key from the environment, never
// from an argument, so it stays out of shell history and process lists. No
// Node built-in here: the package builds without Node's types.
import {
  createSmsPartnerClient,
  DEFAULT_BASE_URL,
  isSmsPartnerApiError,
  isSmsPartnerError,
  normalizeMessageStatus,
  normalizeStatusList,
  type RecipientStatusSummary,
} from './index.js';

export const CLI_HELP = `smspartner: call the SMS Partner API (or the mock) from a shell

Usage:
  smspartner credits                          the account's credits and balance
  smspartner send <numbers> <text> [options]  send an SMS (numbers comma-separated)
      --at <ISO-8601>     schedule it (e.g. 2030-01-15T10:00:00+01:00)
      --sender <name>     3 to 11 letters or digits
      --tag <tag>         your label for the send
      --sandbox           test mode: nothing is sent or charged
  smspartner cancel <messageId>               cancel a scheduled SMS
  smspartner status <messageId> [<number>]    a message's delivery status (every recipient without a number)

Options:
  --base-url <url>   the API root (default $SMSPARTNER_BASE_URL, else ${DEFAULT_BASE_URL});
                     http://127.0.0.1:4010 for the mock
  --json             print the whole answer as JSON
  -h, --help         this help

The key comes from $SMSPARTNER_API_KEY. Exit codes: 0 done, 1 refused by the API
(its code is printed), 2 a usage error, 3 no answer (network, timeout).
`;

export interface CliIo {
  env: Readonly<Record<string, string | undefined>>;
  out(text: string): void;
  err(text: string): void;
}

const USAGE = 2;

function usage(io: CliIo, problem: string): number {
  io.err(`${problem}\n\n${CLI_HELP}`);
  return USAGE;
}

const FLAGS = new Set(['json', 'sandbox', 'help']);
const VALUES = new Set(['base-url', 'at', 'sender', 'tag']);

interface Parsed {
  values: {
    'base-url'?: string;
    at?: string;
    sender?: string;
    tag?: string;
    json?: boolean;
    sandbox?: boolean;
    help?: boolean;
  };
  positionals: string[];
}

/** `--name value`, `--name=value`, `--flag`, `-h`, `--` then positionals only. */
function parse(argv: readonly string[]): Parsed | string {
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (let at = 0; at < argv.length; at++) {
    const arg = argv[at] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(at + 1));
      break;
    }
    if (arg === '-h') {
      values.help = true;
      continue;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (FLAGS.has(name) && inline === undefined) values[name] = true;
    else if (VALUES.has(name)) {
      const value = inline ?? argv[++at];
      if (value === undefined) return `--${name} needs a value`;
      values[name] = value;
    } else return `Unknown option --${name}`;
  }
  return { values, positionals } as Parsed;
}

/** Runs one command; answers the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parse(argv);
  if (typeof parsed === 'string') return usage(io, parsed);
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help || command === undefined || command === 'help') {
    io.out(CLI_HELP);
    return values.help || command === 'help' ? 0 : USAGE;
  }
  const apiKey = io.env.SMSPARTNER_API_KEY;
  if (!apiKey) return usage(io, 'Set SMSPARTNER_API_KEY to the account key (for the mock: test-funded-key).');
  const baseUrl = values['base-url'] ?? io.env.SMSPARTNER_BASE_URL ?? DEFAULT_BASE_URL;
  const print = (answer: unknown, line: string) =>
    io.out(values.json ? `${JSON.stringify(answer, null, 2)}\n` : `${line}\n`);

  try {
    const sms = createSmsPartnerClient({ baseUrl, apiKey });
    switch (command) {
      case 'credits': {
        if (args.length > 0) return usage(io, 'credits takes no argument');
        const answer = await sms.getCredits();
        const { creditSms, balance, currency, toSend } = answer.credits;
        print(answer, `${creditSms} SMS credits · balance ${balance} ${currency} · ${toSend} SMS scheduled`);
        return 0;
      }
      case 'send': {
        const [numbers, text, ...rest] = args;
        if (!numbers || text === undefined || rest.length > 0)
          return usage(io, 'send takes <numbers> and <text> (quote the text)');
        const answer = await sms.sendSms({
          phoneNumbers: numbers.split(',').map((number) => number.trim()),
          message: text,
          ...(values.at ? { scheduledAt: values.at } : {}),
          ...(values.sender ? { sender: values.sender } : {}),
          ...(values.tag ? { tag: values.tag } : {}),
          ...(values.sandbox ? { sandbox: true } : {}),
        });
        const when = answer.scheduledDeliveryDate
          ? `scheduled for ${answer.scheduledDeliveryDate} (Paris)`
          : 'sent';
        print(
          answer,
          `message ${answer.message_id} ${when}: ${answer.nb_sms} SMS, ${answer.cost} ${answer.currency}`,
        );
        return 0;
      }
      case 'cancel': {
        const [id, ...rest] = args;
        if (!id || !/^\d+$/.test(id) || rest.length > 0) return usage(io, 'cancel takes one message id');
        const answer = await sms.cancelSms({ messageId: Number(id) });
        print(answer, `message ${id} cancelled: ${answer.message}`);
        return 0;
      }
      case 'status': {
        const [id, phoneNumber, ...rest] = args;
        if (!id || !/^\d+$/.test(id) || rest.length > 0)
          return usage(io, 'status takes a message id and, optionally, a number');
        const line = (status: RecipientStatusSummary) =>
          `${status.phoneNumber}: ${status.status}${status.at ? ` since ${status.at.toISOString()}` : ''}${status.stopSms ? ' (STOP)' : ''}`;
        if (phoneNumber) {
          const answer = await sms.getMessageStatus({ messageId: Number(id), phoneNumber });
          print(answer, `message ${id} to ${line(normalizeMessageStatus(answer))}`);
          return 0;
        }
        // Without a number: every recipient of the message (bulk status).
        const answer = await sms.getBulkStatus({ messageId: Number(id) });
        print(
          answer,
          [`message ${id}:`, ...normalizeStatusList(answer).map((status) => `  ${line(status)}`)].join('\n'),
        );
        return 0;
      }
      default:
        return usage(io, `Unknown command: ${command}`);
    }
  } catch (error) {
    if (isSmsPartnerApiError(error)) {
      const details = error.errors.map((issue) => `\n  ${issue.elementId}: ${issue.message}`).join('');
      io.err(`refused: ${error.message}${details}\n`);
      return 1;
    }
    // The client's errors never hold the key; anything else is a bug or a bad option, reported by name.
    io.err(
      `${isSmsPartnerError(error) ? error.message : `${(error as Error)?.name ?? 'Error'}: ${(error as Error)?.message}`}\n`,
    );
    return isSmsPartnerError(error) && /Network|Timeout/.test(error.name) ? 3 : USAGE;
  }
}
