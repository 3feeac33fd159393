import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, test } from 'vitest';
import { createApp } from '../../src/index.ts';

// MockApp.app is a plain Node request listener: Express is how the mock is
// built, not part of its public types (a consumer needs no @types/express).
const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function listen(listener: RequestListener): Promise<string> {
  const server = createServer(listener).listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('createApp().app, a request listener', () => {
  test('serves the API from http.createServer', async () => {
    const url = await listen(createApp().app);
    const answer = await fetch(`${url}/v1/message-cancel?apiKey=test-funded-key&messageId=1`);
    expect(await answer.json()).toEqual({ success: false, code: 4, message: 'Message not found' });
  });

  test('mounts under a path of an Express app of yours', async () => {
    const outer = express();
    outer.use('/sms-partner', createApp().app);
    const url = await listen(outer);
    const answer = await fetch(`${url}/sms-partner/v1/message-cancel?apiKey=test-funded-key&messageId=1`);
    expect(await answer.json()).toMatchObject({ success: false, code: 4 });
  });
});
