import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AppOptions, createApp, type MockApp } from './app.js';
import { isLoopbackHost } from './hosts.js';

export interface RunningMock extends MockApp, AsyncDisposable {
  /** The base URL, e.g. `http://127.0.0.1:4010` (API paths start with /v1). */
  url: string;
  port: number;
  close(): Promise<void>;
  /** `await using mock = await startMockServer()` closes it at the end of the block. */
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * Starts the mock in-process. Port 0 (the default) picks a free port, so
 * parallel suites never collide; read the bound one from `url`/`port`.
 * Bound to a loopback address (the default), it serves loopback `Host` names
 * only unless `allowedHosts` says otherwise; bound elsewhere, any.
 *
 * @example
 * const mock = await startMockServer();
 * // ... point the client at mock.url ...
 * await mock.close();
 *
 * @example
 * await using mock = await startMockServer(); // closed when the block ends
 */
export async function startMockServer(
  options: AppOptions & { port?: number; host?: string } = {},
): Promise<RunningMock> {
  const host = options.host ?? '127.0.0.1';
  const mock = createApp({
    ...options,
    allowedHosts: options.allowedHosts ?? (isLoopbackHost(host) ? 'loopback' : 'any'),
  });
  const server = createServer(mock.app).listen(options.port ?? 0, host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  // One timer for the whole store: what a running clock reaches happens (receipts, replies, retries).
  mock.store.startTicking();
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const close = () =>
    new Promise<void>((resolve, reject) => {
      mock.store.stopTicking();
      mock.store.webhooks.detach();
      if (!server.listening) return resolve();
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  return { ...mock, url: `http://${shownHost}:${port}`, port, close, [Symbol.asyncDispose]: close };
}
