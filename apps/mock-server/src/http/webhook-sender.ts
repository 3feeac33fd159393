import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { WebhookRequest, WebhookResult, WebhookSender } from '../state/webhooks.js';
import type { SecretScrubber } from './secrets.js';

/** Bytes of a receiver's answer read at most; the rest is discarded unread. */
export const WEBHOOK_ANSWER_LIMIT = 64 * 1024;

/**
 * The HTTP side of webhook deliveries: one POST per attempt, with node:http
 * and keep-alive agents (as many sockets as attempts may be in flight, so a
 * hanging receiver holds at most those). Each attempt is bounded in time
 * (`timeoutMs`, connection and answer included) and in what it reads of the
 * answer. Only http and https URLs are called.
 *
 * No API key ever leaves: a URL that carries one is not called, and a body
 * holding one (a reply's text can be anything) goes with the key replaced.
 */
export function createWebhookSender(
  scrub: SecretScrubber,
  maxSockets: number,
  /** Changes when an account (a key) is added or removed: the URL verdicts are read again then. */
  keysVersion: () => number = () => 0,
): WebhookSender & { close(): void } {
  const agents = {
    'http:': new HttpAgent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets }),
    'https:': new HttpsAgent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets }),
  };
  // A URL's verdict, read once per URL (a burst of receipts goes to one or a few): parsed, or why not.
  const verdicts = new Map<string, URL | WebhookResult>();
  let version = keysVersion();
  const verdictOf = (raw: string): URL | WebhookResult => {
    if (keysVersion() !== version) {
      version = keysVersion();
      verdicts.clear();
    }
    let verdict = verdicts.get(raw);
    if (verdict === undefined) {
      if (!URL.canParse(raw)) verdict = { error: 'not a URL', retry: false };
      else {
        const url = new URL(raw);
        if (url.protocol !== 'http:' && url.protocol !== 'https:')
          verdict = { error: 'only http and https URLs are called', retry: false };
        else if (scrub.text(raw) !== raw || scrub.url(raw) !== raw)
          verdict = { error: 'refused: the URL carries an API key', retry: false };
        else verdict = url;
      }
      if (verdicts.size >= 1_000) verdicts.clear();
      verdicts.set(raw, verdict);
    }
    return verdict;
  };
  const send = (request: WebhookRequest): Promise<WebhookResult> => {
    const url = verdictOf(request.url);
    if (!(url instanceof URL)) return Promise.resolve(url);
    const body = Buffer.from(scrub.text(request.body));
    const call = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<WebhookResult>((resolve) => {
      let settled = false;
      const finish = (result: WebhookResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };
      const outgoing = call(
        url,
        {
          method: 'POST',
          agent: agents[url.protocol as 'http:' | 'https:'],
          headers: {
            ...request.headers,
            'content-type': request.contentType,
            'content-length': body.length,
          },
        },
        (incoming) => {
          let read = 0;
          incoming.on('data', (chunk: Buffer) => {
            read += chunk.length;
            if (read > WEBHOOK_ANSWER_LIMIT) incoming.destroy();
          });
          const done = () => finish({ status: incoming.statusCode ?? 0 });
          incoming.on('end', done);
          incoming.on('close', done);
          incoming.on('error', done);
        },
      );
      const timer = setTimeout(() => {
        outgoing.destroy();
        finish({ error: `timeout after ${request.timeoutMs} ms`, retry: true });
      }, request.timeoutMs);
      outgoing.on('error', (error: NodeJS.ErrnoException) =>
        finish({ error: error.code ? `${error.code}: ${error.message}` : error.message, retry: true }),
      );
      outgoing.end(body);
    });
  };
  return Object.assign(send, {
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  });
}
