import { type AnyEndpoint, endpoints } from '@smspartner-kit/schema';
import { buildOpenApiDocument, jsonSchemaOf } from '@smspartner-kit/schema/openapi';
import { seedDocument } from '../state/seed.js';
import { CONTACTS_PAGE_LIMIT } from './admin-accounts.js';

/**
 * The admin API in the mock's OpenAPI document (`GET /__mock/openapi.json`),
 * beside the SMS Partner API generated from the registry. Written by hand, as
 * the admin routes are; `test/unit/openapi.test.ts` checks that every route
 * of ADMIN_ROUTES is here and that `@redocly/cli lint` finds nothing wrong.
 */
const TAG = 'Mock admin';
// biome-ignore lint/suspicious/noExplicitAny: OpenAPI is free-form JSON
type Json = any;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json) => ({ 'application/json': { schema } });
const answers = (description: string, schema: Json = { type: 'object' }) => ({
  '200': { description, content: json(schema) },
  '4XX': {
    description:
      'Refused: 400 with a reason, 401 without the admin token, 403 from a foreign origin, 404 for an unknown account, 415 for a body that is not JSON',
    content: json(ref('AdminError')),
  },
});
const body = (schema: Json) => ({ required: true, content: json(schema) });
const query = (name: string, description: string, schema: Json = { type: 'string' }, required = false) => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});
const apiKeyQuery = (required = false) =>
  query('apiKey', 'An account key (or `account`: its fingerprint or name)', { type: 'string' }, required);
const accountQuery = query('account', 'An account by fingerprint (`key#…`) or name, in place of `apiKey`');
const paging = [
  query('limit', 'Page size', { type: 'integer', minimum: 1, maximum: 1000 }),
  query('cursor', 'The `nextCursor` of the previous page', { type: 'integer', minimum: 0 }),
];
const op = (operationId: string, summary: string, extra: Json) => ({
  operationId,
  tags: [TAG],
  summary,
  ...extra,
});

/** The key of the account a route shows (these routes take no `account` handle). */
const keyQuery = query('apiKey', 'The account key', { type: 'string', minLength: 1 }, true);
const rateLimited = (Object.values(endpoints) as AnyEndpoint[])
  .filter((endpoint) => endpoint.rateLimit !== undefined)
  .map((endpoint) => endpoint.name);
const rateWindow = {
  type: 'object',
  properties: {
    limit: { type: 'integer', minimum: 0 },
    used: { type: 'integer', minimum: 0 },
    remaining: { type: 'integer', minimum: 0 },
    freesAt: {
      type: ['string', 'null'],
      format: 'date-time',
      description: 'When the oldest counted request leaves the minute',
    },
  },
  required: ['limit', 'used', 'remaining', 'freesAt'],
};
const nullableString = { type: ['string', 'null'] };

const clock = {
  type: 'object',
  properties: { now: { type: 'string', format: 'date-time' }, frozen: { type: 'boolean' } },
  required: ['now', 'frozen'],
};

const adminPaths: Record<string, Json> = {
  '/__mock/clock': {
    get: op('getMockClock', 'The time, for every account or one', {
      parameters: [apiKeyQuery(), accountQuery],
      responses: answers('The clock', clock),
    }),
    post: op('setMockClock', 'Set, move, freeze or run the clock', {
      requestBody: body({
        type: 'object',
        properties: {
          now: { type: 'string', format: 'date-time' },
          advanceBy: { type: 'integer', description: 'Milliseconds, negative goes back' },
          frozen: { type: 'boolean' },
          apiKey: { type: 'string' },
          account: { type: 'string' },
        },
      }),
      responses: answers('The clock', clock),
    }),
  },
  '/__mock/reset': {
    post: op('resetMock', 'Everything back to the config (and the seed), or one account', {
      requestBody: body({
        type: 'object',
        properties: { apiKey: { type: 'string' }, account: { type: 'string' } },
      }),
      responses: answers('What was reset', {
        type: 'object',
        properties: { reset: { enum: ['all', 'account'] } },
      }),
    }),
  },
  '/__mock/accounts': {
    get: op('getMockAccount', 'An account: name, fingerprint, credits, balance, messages', {
      parameters: [apiKeyQuery(), accountQuery],
      responses: answers('The account, never its key'),
    }),
    post: op('upsertMockAccount', 'Add an account (201) or set its money (200)', {
      requestBody: body({
        type: 'object',
        required: ['apiKey'],
        properties: {
          apiKey: { type: 'string' },
          credits: { type: 'integer', minimum: 0 },
          balance: { type: 'string' },
        },
        additionalProperties: true,
        description: 'Any account setting of the config may come along for a new account',
      }),
      responses: {
        ...answers('The money set'),
        '201': { description: 'The account was added', content: json({ type: 'object' }) },
      },
    }),
  },
  '/__mock/messages': {
    get: op('listMockMessages', "An account's messages, oldest first, with their state", {
      parameters: [apiKeyQuery(), accountQuery, ...paging],
      responses: answers('One page', {
        type: 'object',
        properties: {
          messages: { type: 'array', items: { type: 'object' } },
          nextCursor: { type: ['integer', 'null'] },
        },
      }),
    }),
  },
  '/__mock/messages/{messageId}/status': {
    post: op(
      'forceMockOutcome',
      "Force a delivery outcome, for one recipient or all, from the account's clock time on: the status endpoints answer it and a receipt is posted",
      {
        parameters: [
          { name: 'messageId', in: 'path', required: true, schema: { type: 'integer', minimum: 0 } },
        ],
        requestBody: body({
          type: 'object',
          required: ['status'],
          properties: {
            status: { enum: ['Delivered', 'Not delivered', 'Waiting'] },
            phoneNumber: { type: 'string', description: 'One recipient (any format); all without it' },
            apiKey: {
              type: 'string',
              description: "The message's account (any account holds its ids alone)",
            },
          },
        }),
        responses: answers(
          "The message, with each recipient's state and history (409: cancelled, or not a recipient)",
        ),
      },
    ),
  },
  '/__mock/replies': {
    post: op(
      'simulateMockReply',
      "An inbound reply: the reply webhook to the answered message's urlResponse (else the account's); STOP lists the sender. With postbackData: a tap on that suggestion of an RCS message",
      {
        requestBody: body({
          type: 'object',
          required: ['apiKey', 'from'],
          properties: {
            apiKey: { type: 'string', minLength: 1 },
            from: { type: 'string', description: 'The number that replies' },
            text: { type: 'string', maxLength: 10_000, description: 'Required, except for a tap' },
            to: { type: 'string', description: "One of the account's virtual numbers (a long-number reply)" },
            messageId: {
              type: 'integer',
              description: 'The message answered; else the latest sent to `from`',
            },
            postbackData: {
              type: 'string',
              minLength: 1,
              description:
                "A tap on the RCS suggestion with this postbackData (of `messageId`, else the latest RCS message that reached `from`); `text` is then the suggestion's",
            },
          },
        }),
        responses: {
          ...answers('Never 200: 201 once received'),
          '201': {
            description:
              'Received: the message answered, whether STOP listed the sender, the webhooks queued',
            content: json({ type: 'object' }),
          },
        },
      },
    ),
  },
  '/__mock/webhooks': {
    get: op('listMockWebhooks', "An account's webhook deliveries, newest first, with every attempt", {
      parameters: [
        keyQuery,
        query('limit', 'Page size', { type: 'integer', minimum: 1, maximum: 1000 }),
        query('cursor', 'The `nextCursor` of the previous page', { type: 'integer', minimum: 0 }),
      ],
      responses: answers('One page', {
        type: 'object',
        properties: {
          webhooks: { type: 'array', items: { type: 'object' } },
          nextCursor: { type: ['integer', 'null'] },
          settled: { type: 'boolean' },
          usage: { type: 'object' },
        },
      }),
    }),
  },
  '/__mock/webhooks/flush': {
    post: op(
      'flushMockWebhooks',
      "Wait until every delivery the clock has reached was attempted (an account's, or all); retries waiting on the clock do not count",
      {
        requestBody: body({
          type: 'object',
          properties: {
            apiKey: { type: 'string', minLength: 1 },
            timeoutMs: { type: 'integer', minimum: 0, maximum: 60_000 },
          },
        }),
        responses: answers('Whether everything was attempted before the timeout', {
          type: 'object',
          properties: { settled: { type: 'boolean' } },
          required: ['settled'],
        }),
      },
    ),
  },
  '/__mock/test-numbers': {
    get: op('listMockTestNumbers', 'The numbers that decide their own delivery outcome', {
      responses: answers('Each test number, its outcome, delay and reply'),
    }),
  },
  '/__mock/requests': {
    get: op('listMockRequests', 'The request journal, newest first, keys redacted', {
      parameters: [
        apiKeyQuery(),
        accountQuery,
        query('endpoint', 'A registry name'),
        query('code', 'An envelope code', { type: 'integer' }),
        ...paging,
      ],
      responses: answers('One page of the journal'),
    }),
  },
  '/__mock/rate-limits': {
    get: op('getMockRateLimits', "An account's minute windows on every endpoint with a documented limit", {
      parameters: [keyQuery],
      responses: answers('Each rate-limited endpoint by registry name, and its window', {
        type: 'object',
        properties: Object.fromEntries(rateLimited.map((name) => [name, rateWindow])),
        additionalProperties: rateWindow,
      }),
    }),
    post: op(
      'setMockRateLimit',
      "Fill an account's window (`used`) or set its limit (`limit`, null for the documented one)",
      {
        requestBody: body({
          type: 'object',
          required: ['apiKey', 'endpoint'],
          properties: {
            apiKey: { type: 'string', minLength: 1 },
            endpoint: { enum: rateLimited, description: 'An endpoint with a documented per-minute limit' },
            used: { type: 'integer', minimum: 0, maximum: 1_000_000_000 },
            limit: { type: ['integer', 'null'], minimum: 0, maximum: 1_000_000_000 },
          },
          description: 'At least one of `used` and `limit`',
        }),
        responses: answers('The window now', rateWindow),
      },
    ),
  },
  '/__mock/hlr': {
    get: op('listMockHlrCampaigns', "An account's HLR credits and number verification campaigns", {
      parameters: [keyQuery],
      responses: answers('The HLR credits and campaigns', {
        type: 'object',
        properties: {
          creditHlr: { type: 'number' },
          campaigns: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                tag: nullableString,
                notifyUrl: nullableString,
                createdAt: { type: 'string', format: 'date-time' },
              },
              additionalProperties: true,
            },
          },
        },
        required: ['creditHlr', 'campaigns'],
      }),
    }),
  },
  '/__mock/rcs': {
    get: op('listMockRcsSends', "An account's RCS sends, with their failover", {
      parameters: [keyQuery],
      responses: answers('The RCS sends', {
        type: 'object',
        properties: {
          sends: {
            type: 'array',
            items: {
              type: 'object',
              properties: { failover: { type: ['object', 'null'] } },
              additionalProperties: true,
            },
          },
        },
        required: ['sends'],
      }),
    }),
  },
  '/__mock/groups': {
    get: op('listMockGroups', "An account's contact groups, and the store's contact usage", {
      parameters: [keyQuery],
      responses: answers('The groups and the usage', {
        type: 'object',
        properties: {
          groups: { type: 'array', items: { type: 'object' } },
          usage: { type: 'object' },
        },
        required: ['groups', 'usage'],
      }),
    }),
  },
  '/__mock/contacts': {
    get: op('listMockContacts', "One page of a group's contacts, as the API's contact list shows them", {
      parameters: [
        keyQuery,
        query('groupId', 'The group', { type: 'string', minLength: 1 }, true),
        query('page', 'Page number', { type: 'integer', minimum: 1 }),
        query('limit', 'Page size (default 100)', {
          type: 'integer',
          minimum: 1,
          maximum: CONTACTS_PAGE_LIMIT,
        }),
      ],
      responses: answers("One page, and the group's total", {
        type: 'object',
        properties: {
          total: { type: 'integer', minimum: 0 },
          contacts: {
            type: 'array',
            items: {
              type: 'object',
              properties: { groupId: { type: 'string' } },
              additionalProperties: true,
            },
          },
        },
        required: ['total', 'contacts'],
      }),
    }),
  },
  '/__mock/subaccounts': {
    get: op(
      'listMockSubaccounts',
      "An account's sub-accounts (by token, e-mail and key fingerprint, never a key)",
      {
        parameters: [keyQuery],
        responses: answers('Whether the feature is on, the parent, the sub-accounts', {
          type: 'object',
          properties: {
            enabled: { type: 'boolean' },
            parent: {
              ...nullableString,
              description: "The parent's name or key fingerprint, for a sub-account",
            },
            subaccounts: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'integer' },
                  token: { type: 'string' },
                  type: { type: 'string' },
                  email: { type: 'string' },
                  isBuyer: { type: 'boolean' },
                  fingerprint: { type: 'string' },
                  balance: { type: 'string' },
                  credits: { type: 'number' },
                  messages: { type: 'integer', minimum: 0 },
                  createdAt: { type: 'string', format: 'date-time' },
                },
              },
            },
          },
          required: ['enabled', 'parent', 'subaccounts'],
        }),
      },
    ),
    post: op('setMockSubaccountsEnabled', 'Switch the sub-account feature on or off on a master account', {
      requestBody: body({
        type: 'object',
        required: ['apiKey', 'enabled'],
        properties: { apiKey: { type: 'string', minLength: 1 }, enabled: { type: 'boolean' } },
      }),
      responses: answers('The feature now', {
        type: 'object',
        properties: { enabled: { type: 'boolean' } },
        required: ['enabled'],
      }),
    }),
  },
  '/__mock/faults': {
    get: op('listMockFaults', "Armed faults: one account's, or every account's", {
      parameters: [apiKeyQuery(), accountQuery],
      responses: answers('The faults'),
    }),
    post: op(
      'injectMockFault',
      "Arm a fault: a documented code in the endpoint's voice, a bare status, a delay or a dropped connection",
      {
        requestBody: body({
          type: 'object',
          required: ['apiKey', 'endpoint'],
          properties: {
            apiKey: { type: 'string' },
            account: { type: 'string' },
            endpoint: { type: 'string', description: 'A registry name, or `*` for every endpoint' },
            times: { oneOf: [{ type: 'integer', minimum: 0, maximum: 1_000_000 }, { const: 'always' }] },
            probability: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
            code: {
              type: 'integer',
              description: "One of the endpoint's documented codes (default 500 where documented)",
            },
            httpStatus: { type: 'integer', minimum: 400, maximum: 599 },
            retryAfterSeconds: { type: 'integer', minimum: 0, maximum: 86_400 },
            latencyMs: { type: 'integer', minimum: 0, maximum: 60_000 },
            drop: { type: 'boolean' },
            reset: { type: 'boolean', description: "Replace the endpoint's earlier faults" },
          },
        }),
        responses: {
          ...answers('The first form `{"times": 0}` clears'),
          '201': { description: 'The fault armed', content: json({ type: 'object' }) },
        },
      },
    ),
    delete: op('clearMockFaults', 'Clear faults: all, one account, one endpoint or one id', {
      parameters: [
        apiKeyQuery(),
        accountQuery,
        query('endpoint', 'A registry name'),
        query('id', 'A fault id', { type: 'integer' }),
      ],
      responses: answers('How many were cleared', {
        type: 'object',
        properties: { cleared: { type: 'integer' } },
      }),
    }),
  },
  '/__mock/seed': {
    post: op('seedMock', 'Load a seed document, all or nothing', {
      requestBody: body(ref('SeedDocument')),
      responses: answers('What the seed did, accounts by name or fingerprint'),
    }),
  },
  '/__mock/openapi.json': {
    get: op('getMockOpenApi', 'This document', { responses: answers('OpenAPI 3.1') }),
  },
  '/__mock/inbox/state': {
    get: op('getInboxState', 'The clock, the accounts by handle, the store usage and the admin routes', {
      responses: answers('The inbox state'),
    }),
  },
  '/__mock/inbox/messages': {
    get: op('listInboxMessages', 'Messages of every account, newest first, filtered', {
      parameters: [
        accountQuery,
        query('to', 'A recipient in any writing, or digits of it'),
        query('tag', 'A tag'),
        query('state', 'A state', { enum: ['scheduled', 'sent', 'cancelled'] }),
        query('text', 'Words of the text'),
        query('limit', 'Page size', { type: 'integer', minimum: 1, maximum: 500 }),
        query('cursor', 'The `nextCursor` of the previous page', { type: 'integer', minimum: 1 }),
      ],
      responses: answers('One page'),
    }),
  },
  '/__mock/inbox/messages/{messageId}': {
    get: op('getInboxMessage', 'One message: its view, its account, its parts and encoding', {
      parameters: [{ name: 'messageId', in: 'path', required: true, schema: { type: 'integer' } }],
      responses: answers('The message'),
    }),
  },
  '/__mock/inbox/cancel': {
    post: op(
      'cancelInboxMessage',
      "Cancel a message as its account would (the API's rule, codes and refund)",
      {
        requestBody: body({
          type: 'object',
          required: ['messageId'],
          properties: { messageId: { type: 'integer' } },
        }),
        responses: answers("The cancel endpoint's answer"),
      },
    ),
  },
  '/__mock/inbox/clock/next': {
    post: op('advanceInboxClock', "Move the store's clock to the next scheduled send", {
      responses: answers('The clock, and the message that is due', clock),
    }),
  },
  '/__mock/inbox/events': {
    get: op('followInbox', 'Server-sent events: `change` whenever the state changed', {
      responses: {
        '200': {
          description: 'An event stream',
          content: { 'text/event-stream': { schema: { type: 'string' } } },
        },
        '4XX': {
          description: '429 past 32 streams; 401 and 403 as for every admin route',
          content: json(ref('AdminError')),
        },
      },
    }),
  },
};

/** The OpenAPI document a running mock serves: the API on this mock's URL, and the admin API. */
export function mockOpenApiDocument(origin: string): Json {
  return buildOpenApiDocument({
    servers: [
      { url: origin, description: 'This mock' },
      { url: 'https://api.smspartner.fr', description: 'SMS Partner' },
    ],
    extraPaths: Object.fromEntries(
      Object.entries(adminPaths).map(([path, item]) => [
        path,
        Object.fromEntries(
          Object.entries(item as Record<string, Json>).map(([method, operation]) => [
            method,
            {
              ...operation,
              servers: [{ url: origin, description: 'This mock' }],
              security: [{}, { adminToken: [] }],
            },
          ]),
        ),
      ]),
    ),
    extraTags: [
      {
        name: TAG,
        description:
          "The mock's own API under /__mock: state, clock, faults, journal, rate limits, HLR and RCS records, groups, contacts, sub-accounts, seed, inbox. Plain JSON, never an apiKey in an answer.",
      },
    ],
    extraSchemas: {
      AdminError: {
        type: 'object',
        properties: { error: { type: 'string' }, problems: { type: 'array', items: { type: 'string' } } },
        required: ['error'],
      },
      SeedDocument: jsonSchemaOf(seedDocument),
    },
    extraSecuritySchemes: {
      adminToken: {
        type: 'http',
        scheme: 'bearer',
        description: 'The --admin-token, when the mock has one (or HTTP Basic with it as the password)',
      },
    },
  });
}

/** Every admin path the document describes, as `METHOD /path`. */
export const DOCUMENTED_ADMIN_ROUTES = Object.entries(adminPaths).flatMap(([path, item]) =>
  Object.keys(item as object).map(
    (method) => `${method.toUpperCase()} ${path.replace('{messageId}', ':id')}`,
  ),
);
