import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { brokerArgs, pacticipants, versionInfo } from '../pact-broker.mjs';

const SCRIPT = fileURLToPath(new URL('../pact-broker.mjs', import.meta.url));
const CONTRACT = fileURLToPath(
  new URL('../../contracts/smspartner-kit-client-smspartner-api.json', import.meta.url),
);
const run = promisify(execFile);
const servers = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/**
 * A stand-in broker: the HAL index, the contracts publication and the matrix,
 * as the Pact CLI asks for them; records every request.
 */
async function fakeBroker({ deployable }) {
  const requests = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      requests.push({ method: req.method, url: req.url, authorization: req.headers.authorization, body });
      const base = `http://${req.headers.host}`;
      const send = (value) => {
        res.writeHead(200, { 'content-type': 'application/hal+json' });
        res.end(JSON.stringify(value));
      };
      if (req.url === '/')
        return send({ _links: { 'pb:publish-contracts': { href: `${base}/contracts/publish` } } });
      if (req.url === '/contracts/publish') return send({ logs: [], _embedded: {}, _links: {} });
      if (req.url?.startsWith('/matrix')) {
        return send({
          summary: { deployable, reason: 'stand-in', success: 1, failed: 0, unknown: 0 },
          matrix: [],
        });
      }
      res.writeHead(404).end('{}');
    });
  });
  servers.push(server);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, requests };
}

const brokerEnv = (url) => ({
  PATH: process.env.PATH,
  PACT_BROKER_BASE_URL: url,
  PACT_BROKER_TOKEN: 'broker-t0ken',
  GIT_COMMIT: 'abc123',
  GIT_BRANCH: 'feature-x',
});

describe('the Pact Broker steps', () => {
  test("version and branch: GIT_COMMIT and GIT_BRANCH first, then GitHub's", () => {
    expect(
      versionInfo({ GIT_COMMIT: 'a1', GIT_BRANCH: 'b1', GITHUB_SHA: 'x', GITHUB_REF_NAME: 'y' }),
    ).toMatchObject({
      sha: 'a1',
      branch: 'b1',
    });
    expect(versionInfo({ GITHUB_SHA: 'c2', GITHUB_REF_NAME: 'main' })).toMatchObject({
      sha: 'c2',
      branch: 'main',
    });
    expect(pacticipants()).toEqual([['smspartner-kit-client', 'smspartner-api']]);
    expect(brokerArgs('can-i-deploy', { sha: 'a1', branch: 'b1' }, [['c', 'p']])).toEqual(
      expect.arrayContaining(['--pacticipant', 'c', '--version', 'a1', '--pacticipant', 'p']),
    );
  });

  test('without PACT_BROKER_BASE_URL nothing is published and the step says so', async () => {
    const { stdout } = await run(process.execPath, [SCRIPT, 'publish'], { env: { PATH: process.env.PATH } });
    expect(stdout).toContain('broker steps skipped');
  });

  test('publish: the pacts go out as the commit and branch, the token only in a header', async () => {
    const broker = await fakeBroker({ deployable: true });
    const { stdout, stderr } = await run(process.execPath, [SCRIPT, 'publish'], {
      env: brokerEnv(broker.url),
    });
    const publish = broker.requests.find((request) => request.url === '/contracts/publish');
    expect(publish?.method).toBe('POST');
    expect(publish?.authorization).toBe('Bearer broker-t0ken');
    const body = JSON.parse(publish?.body ?? '{}');
    expect(body).toMatchObject({
      pacticipantName: 'smspartner-kit-client',
      pacticipantVersionNumber: 'abc123',
      branch: 'feature-x',
    });
    expect(body.contracts[0]).toMatchObject({
      consumerName: 'smspartner-kit-client',
      providerName: 'smspartner-api',
    });
    // The CLI stamps its own versions into the metadata; the interactions are the committed ones.
    const published = JSON.parse(Buffer.from(body.contracts[0].content, 'base64').toString());
    expect(published.interactions).toEqual(JSON.parse(readFileSync(CONTRACT, 'utf8')).interactions);
    expect(`${stdout}${stderr}`).not.toContain('broker-t0ken');
  });

  test('can-i-deploy: asks for both pacticipants at the commit, and refuses (exit 1) when the broker says no', async () => {
    const yes = await fakeBroker({ deployable: true });
    await run(process.execPath, [SCRIPT, 'can-i-deploy'], { env: brokerEnv(yes.url) });
    const query = decodeURIComponent(
      yes.requests.find((request) => request.url?.startsWith('/matrix'))?.url ?? '',
    );
    expect(query).toContain('q[][pacticipant]=smspartner-kit-client&q[][version]=abc123');
    expect(query).toContain('q[][pacticipant]=smspartner-api&q[][version]=abc123');

    const no = await fakeBroker({ deployable: false });
    await expect(
      run(process.execPath, [SCRIPT, 'can-i-deploy'], { env: brokerEnv(no.url) }),
    ).rejects.toMatchObject({
      code: 1,
    });
  });
});
