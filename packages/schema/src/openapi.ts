// An OpenAPI 3.1 document of the SMS Partner API, generated from the registry:
// every endpoint (and the other methods and paths the docs give it), its
// parameters, its success body and every control code, with zod 4's JSON
// Schema conversion. A separate entry (`@smspartner-kit/schema/openapi`), so
// the converter never weighs on a client bundle; `pnpm build` writes the
// document to dist/openapi.json.
import * as z from 'zod/mini';
import { codesOf } from './core/codes.js';
import { type AnyEndpoint, requestShapeOf, successCodeOf } from './core/define.js';
import { errorEnvelope } from './core/envelope.js';
import { endpoints } from './endpoints/index.js';

/** A JSON value, as the document holds it. */
// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is free-form JSON
type Json = any;

export interface OpenApiOptions {
  /** Servers listed first (default: SMS Partner's own). */
  servers?: readonly { url: string; description?: string }[];
  /** More paths (the mock adds its admin API), merged after the API's. */
  extraPaths?: Record<string, Json>;
  /** More tags, described. */
  extraTags?: readonly { name: string; description: string }[];
  /** More component schemas. */
  extraSchemas?: Record<string, Json>;
  /** More security schemes (the mock's admin token). */
  extraSecuritySchemes?: Record<string, Json>;
  /** The document's version (default: this package's release line). */
  version?: string;
}

export const OPENAPI_API_TAG = 'SMS Partner API';

/** The wire side of a schema, as JSON Schema 2020-12 (OpenAPI 3.1's dialect), without `$schema`. */
export function jsonSchemaOf(schema: z.ZodMiniType): Json {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: ({ jsonSchema }) => {
      // zod bounds an integer by the safe range: true of any JSON number a client sends, noise in a document.
      const bounded = jsonSchema as Json;
      if (bounded.type === 'integer' && bounded.minimum === Number.MIN_SAFE_INTEGER) delete bounded.minimum;
      if (bounded.type === 'integer' && bounded.maximum === Number.MAX_SAFE_INTEGER) delete bounded.maximum;
    },
  }) as Json;
  const format = json.properties?._format;
  if (format && Object.keys(format).length === 0) {
    json.properties._format = {
      type: 'string',
      enum: ['json', 'xml'],
      description: '`xml` for an XML answer; anything else (or nothing) answers JSON.',
    };
  }
  return json;
}

const pascal = (name: string) => `${name[0]?.toUpperCase()}${name.slice(1)}`;

/** The control codes of an endpoint, as a Markdown table (code, message, where the fact comes from). */
function codeTable(endpoint: AnyEndpoint): string {
  const rows = codesOf(endpoint.codes).map((code) => {
    const entry = endpoint.codes[code];
    return `| ${code} | ${entry?.message.replace(/\|/g, '\\|')} | ${entry?.source} |`;
  });
  return ['| code | message | source |', '| --- | --- | --- |', ...rows].join('\n');
}

const QUIRKS = `
Generated from the registry of \`@smspartner-kit/schema\`: the same schemas the client validates
answers with and the mock validates requests with. Facts carry their source in the code tables
(\`seed\`: the official Cancel Scheduled SMS page; \`official\`, \`official-legacy\`: docpartner.dev;
\`community\`: toodiz/docpartner; \`mock\`: not documented, a decision of this project).

Quirks of the API, as this document describes them:

- **The key travels as a parameter**: \`apiKey\` in the query string of a GET, in the JSON body of a
  POST or DELETE. There is no header authentication.
- **Every answer is an envelope** \`{"success", "code", …}\`; a refusal is \`success: false\` with a
  control code of the endpoint's catalogue (listed in each operation and in \`x-codes\`). The docs
  never say which HTTP status goes with a refusal: this document, like the mock by default, gives
  **200**; the documented statuses are the 400 of malformed JSON (code 90) and, where a catalogue
  entry gives one, its own (429 over the rate limit of the number verification pages).
- **Success codes**: a success body carries \`code\` 200, unless its page shows another (call
  forwarding: 2) or none at all (contact targeting, the bulk contact report).
- **Code 9** carries a per-field list under \`error\` in recorded traffic and \`errors\` on the
  community pages; both are described. Its items name fields as \`children[<field>].data\`.
- **Numbers as strings**: counts may come as JSON numbers or as strings of digits; a message id is
  an integer in send answers and a string elsewhere.
- **XML**: \`_format=xml\` answers \`<result><entry>…</entry></result>\`, one entry per value in
  wire order (see the client's \`/xml\` entry).
  An endpoint whose page documents no \`_format\` (contacts, sub-account removal) answers JSON only.
- **One route, two endpoints**: where a field of the body selects another endpoint on the same
  method and path (Add Bulk Contacts is \`POST /v1/contact/add\` with \`contactsList\`), the
  operation lists both (\`x-selected\`, and one of their bodies and answers).
- **Several ways in**: where the docs disagree on a method or a path, every variant is listed as its
  own operation (\`operationId\` suffixed), all answering the same.
`.trim();

/** One operation of an endpoint on one method and path. */
function operation(endpoint: AnyEndpoint, method: string, path: string, primary: boolean): Json {
  const name = pascal(endpoint.name);
  const request = jsonSchemaOf(endpoint.request);
  const codes = codesOf(endpoint.codes);
  const alternates =
    primary && (endpoint.alsoAnswers?.methods?.length || endpoint.alsoAnswers?.paths?.length)
      ? `\n\nThe docs also give it as ${[
          ...(endpoint.alsoAnswers?.methods ?? []).map((other: string) => `${other} ${endpoint.path}`),
          ...(endpoint.alsoAnswers?.paths ?? []).map((other: string) => `${endpoint.method} ${other}`),
        ].join(', ')}: those operations answer the same.`
      : primary
        ? ''
        : `\n\nThe same endpoint as \`${endpoint.method} ${endpoint.path}\` (\`${endpoint.name}\`), where the docs disagree.`;
  const json: Json = {
    operationId: primary
      ? endpoint.name
      : `${endpoint.name}_${method.toLowerCase()}${path.replace(/\W+/g, '_')}`,
    tags: [OPENAPI_API_TAG],
    summary: endpoint.summary,
    description: `${endpoint.summary}.${alternates}\n\nControl codes:\n\n${codeTable(endpoint)}`,
    'x-registry-name': endpoint.name,
    'x-codes': codes.map((code) => ({ code, ...endpoint.codes[code] })),
    responses: {
      '200': {
        description: `${successText(endpoint)}, or a refusal with one of the codes ${codes.join(', ')}.`,
        content: {
          'application/json': {
            schema: {
              oneOf: [
                { $ref: `#/components/schemas/${name}Response` },
                { $ref: `#/components/schemas/${name}Error` },
              ],
            },
            examples: { success: { value: endpoint.example.response } },
          },
          ...(speaksXml(endpoint)
            ? {
                'application/xml': {
                  schema: {
                    type: 'string',
                    description: 'The same envelope as `<result><entry>…</entry></result>`.',
                  },
                },
              }
            : {}),
        },
      },
      ...documentedStatuses(endpoint, name),
      '4XX': {
        description:
          'Not documented: SMS Partner never says which status goes with a refusal (this document gives 200). A client that meets a 4xx status reads the same envelope.',
        content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}Error` } } },
      },
    },
  };
  if (method === 'GET') {
    json.security = [{ apiKey: [] }];
    const required = new Set<string>(request.required ?? []);
    json.parameters = Object.entries(request.properties ?? {}).map(([field, schema]) => ({
      name: field,
      in: 'query',
      required: required.has(field),
      schema,
      ...(field in endpoint.fieldCodes ? { description: fieldCodesText(endpoint, field) } : {}),
    }));
  } else {
    // No security scheme can point into a JSON body: the key is the body's required `apiKey` field.
    json.security = [];
    json.requestBody = {
      required: true,
      content: {
        'application/json': {
          schema: { $ref: `#/components/schemas/${name}Request` },
          examples: { documented: { value: endpoint.example.request } },
        },
      },
    };
    json.responses['400'] = {
      description: 'A body that is not JSON: code 90 (documented with this status).',
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}Error` } } },
    };
  }
  return json;
}

/** Whether the endpoint's page documents `_format` (its request schema has it): else it answers JSON only. */
function speaksXml(endpoint: AnyEndpoint): boolean {
  return '_format' in requestShapeOf(endpoint);
}

/** The success body, as the 200 response names it: with its own code (2), or none at all. */
function successText(endpoint: AnyEndpoint): string {
  const code = successCodeOf(endpoint);
  if (code === null) return 'The success body (it carries no `success` nor `code`)';
  return code === 200 ? 'The success body' : `The success body (\`code\` ${code})`;
}

/** The responses of the codes whose catalogue entry documents an HTTP status of its own (429 over a rate limit). */
function documentedStatuses(endpoint: AnyEndpoint, name: string): Record<string, Json> {
  const byStatus = new Map<number, number[]>();
  for (const code of codesOf(endpoint.codes)) {
    const status = endpoint.codes[code]?.httpStatus;
    if (status !== undefined) byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      String(status),
      {
        description: `The documented HTTP status of code ${codes
          .map((code) => `${code} (${endpoint.codes[code]?.message})`)
          .join(', code ')}.`,
        content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}Error` } } },
      },
    ]),
  );
}

/**
 * Folds the entries selected on an operation's route by a field of their own
 * (`selectedBy`: Add Bulk Contacts is POST /v1/contact/add with
 * `contactsList`) into that operation, since OpenAPI gives a method and path
 * one operation: the request body is one of the entries' bodies, the 200
 * answer one of their answers, each entry's control codes are listed
 * (`x-selected`, and a table in the description).
 */
function foldSelected(json: Json, owner: AnyEndpoint, selected: readonly AnyEndpoint[]): void {
  if (selected.length === 0) return;
  const refs = (suffix: string) =>
    [owner, ...selected].map((entry) => ({ $ref: `#/components/schemas/${pascal(entry.name)}${suffix}` }));
  json.requestBody.content['application/json'].schema = { oneOf: refs('Request') };
  json.requestBody.content['application/json'].examples = Object.fromEntries(
    [owner, ...selected].map((entry) => [entry.name, { value: entry.example.request }]),
  );
  const answers = json.responses['200'].content['application/json'];
  answers.schema = {
    oneOf: [owner, ...selected].flatMap((entry) => [
      { $ref: `#/components/schemas/${pascal(entry.name)}Response` },
      { $ref: `#/components/schemas/${pascal(entry.name)}Error` },
    ]),
  };
  answers.examples = Object.fromEntries(
    [owner, ...selected].map((entry) => [entry.name, { value: entry.example.response }]),
  );
  json.responses['200'].description = `${[owner, ...selected]
    .map((entry) => `${entry.name}: ${successText(entry).replace(/^The s/, 's')}`)
    .join('; ')}; or a refusal with one of its control codes.`;
  for (const status of ['4XX', '400']) {
    if (json.responses[status])
      json.responses[status].content['application/json'].schema = { oneOf: refs('Error') };
  }
  for (const entry of selected) {
    Object.assign(json.responses, documentedStatuses(entry, pascal(entry.name)));
    const field = entry.selectedBy as string;
    const description = `A request with \`${field}\` is ${entry.name}'s: ${entry.summary}.\n\nControl codes:\n\n${codeTable(entry)}`;
    json.description += `\n\n## ${entry.name}\n\n${description}`;
    json['x-selected'] = [
      ...(json['x-selected'] ?? []),
      {
        'x-registry-name': entry.name,
        selectedBy: field,
        summary: entry.summary,
        description,
        'x-codes': codesOf(entry.codes).map((code) => ({ code, ...entry.codes[code] })),
      },
    ];
  }
}

function fieldCodesText(endpoint: AnyEndpoint, field: string): string {
  const codes = endpoint.fieldCodes[field] ?? {};
  const parts = [
    codes.missing === undefined ? undefined : `missing → code ${codes.missing}`,
    codes.invalid === undefined ? undefined : `invalid → code ${codes.invalid}`,
  ].filter(Boolean);
  return parts.join('; ');
}

/**
 * The OpenAPI 3.1 document of the API, built from the registry. Pure: call it
 * with the mock's servers and admin paths to describe a running mock.
 */
export function buildOpenApiDocument(options: OpenApiOptions = {}): Json {
  const paths: Record<string, Json> = {};
  const schemas: Record<string, Json> = { ErrorEnvelope: jsonSchemaOf(errorEnvelope) };
  const all = Object.values(endpoints) as AnyEndpoint[];
  for (const endpoint of all) {
    const name = pascal(endpoint.name);
    // A GET's parameters are listed one by one in its operations; a body's schema is shared.
    if (endpoint.method !== 'GET' || endpoint.alsoAnswers?.methods?.length) {
      schemas[`${name}Request`] = {
        description: `The parameters of ${endpoint.name}.`,
        ...jsonSchemaOf(endpoint.request),
      };
    }
    schemas[`${name}Response`] = {
      description: `The success body of ${endpoint.name}.`,
      ...jsonSchemaOf(endpoint.response),
    };
    schemas[`${name}Error`] = {
      description: `A refusal by ${endpoint.name}: one of its control codes.`,
      allOf: [
        { $ref: '#/components/schemas/ErrorEnvelope' },
        { type: 'object', properties: { code: { enum: codesOf(endpoint.codes) } } },
      ],
    };
    // An entry selected on another's route (`selectedBy`) is folded into that route's operations below.
    if (endpoint.selectedBy !== undefined) continue;
    const methods = [endpoint.method, ...(endpoint.alsoAnswers?.methods ?? [])];
    const routePaths = [endpoint.path, ...(endpoint.alsoAnswers?.paths ?? [])];
    const selected = all.filter(
      (other) =>
        other.selectedBy !== undefined && other.method === endpoint.method && other.path === endpoint.path,
    );
    for (const path of routePaths) {
      for (const method of methods) {
        paths[path] ??= {};
        const json = operation(endpoint, method, path, path === endpoint.path && method === endpoint.method);
        if (method !== 'GET') foldSelected(json, endpoint, selected);
        paths[path][method.toLowerCase()] = json;
      }
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'SMS Partner API',
      version: options.version ?? '0.1.0',
      summary: 'The SMS Partner SMS API as documented, from the registry of @smspartner-kit/schema',
      description: QUIRKS,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: options.servers ?? [{ url: 'https://api.smspartner.fr', description: 'SMS Partner' }],
    tags: [
      { name: OPENAPI_API_TAG, description: 'The endpoints of the registry, as SMS Partner documents them.' },
      ...(options.extraTags ?? []),
    ],
    paths: { ...paths, ...(options.extraPaths ?? {}) },
    components: {
      securitySchemes: {
        apiKey: {
          type: 'apiKey',
          in: 'query',
          name: 'apiKey',
          description:
            'The account key. GET requests carry it in the query string; POST and DELETE requests in the JSON body (`apiKey`).',
        },
        ...(options.extraSecuritySchemes ?? {}),
      },
      schemas: { ...schemas, ...(options.extraSchemas ?? {}) },
    },
  };
}
