import { describe, expect, test } from 'vitest';
import { type AnyEndpoint, codesOf, endpoints, requestShapeOf } from '../src/index.ts';
import { buildOpenApiDocument } from '../src/openapi.ts';
import { redoclyLint } from './redocly.ts';

const document = buildOpenApiDocument();
const all = Object.values(endpoints) as AnyEndpoint[];

describe('the OpenAPI 3.1 document, generated from the registry', () => {
  test('every endpoint, on every method and path the docs give it, with a unique operationId', () => {
    type Operation = {
      operationId: string;
      'x-registry-name': string;
      'x-selected'?: { 'x-registry-name': string }[];
    };
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({
        route: `${method.toUpperCase()} ${path}`,
        ...operation,
      })),
    );
    // OpenAPI gives a method and path one operation: an entry selected on another's route
    // (`selectedBy`) is documented in that operation's `x-selected`.
    const names = (operation: Operation) => [
      operation['x-registry-name'],
      ...(operation['x-selected'] ?? []).map((selected) => selected['x-registry-name']),
    ];
    for (const endpoint of all) {
      const routes = operations
        .filter((operation) => names(operation).includes(endpoint.name))
        .map((operation) => operation.route);
      expect(routes).toContain(`${endpoint.method} ${endpoint.path}`);
      for (const path of endpoint.alsoAnswers?.paths ?? [])
        expect(routes).toContain(`${endpoint.method} ${path}`);
      for (const method of endpoint.alsoAnswers?.methods ?? [])
        expect(routes).toContain(`${method} ${endpoint.path}`);
    }
    const ids = operations.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(all)('$name: parameters, success body and every control code', (endpoint) => {
    const route = document.paths[endpoint.path][endpoint.method.toLowerCase()];
    const operation =
      endpoint.selectedBy === undefined
        ? route
        : route['x-selected'].find(
            (selected: { 'x-registry-name': string }) => selected['x-registry-name'] === endpoint.name,
          );
    if (endpoint.selectedBy !== undefined) {
      expect(operation.selectedBy).toBe(endpoint.selectedBy);
      expect(route.description).toContain(operation.description);
    }
    expect(operation['x-codes'].map((entry: { code: number }) => entry.code)).toEqual(
      codesOf(endpoint.codes),
    );
    for (const code of codesOf(endpoint.codes))
      expect(operation.description).toContain(`| ${code} | ${endpoint.codes[code]?.message}`);
    const name = `${endpoint.name[0]?.toUpperCase()}${endpoint.name.slice(1)}`;
    expect(document.components.schemas[`${name}Error`].allOf[1].properties.code.enum).toEqual(
      codesOf(endpoint.codes),
    );
    expect(Object.keys(document.components.schemas[`${name}Response`].properties)).toEqual(
      Object.keys(endpoint.response.shape),
    );
    if (endpoint.method === 'GET') {
      expect(
        operation.parameters.find((parameter: { name: string }) => parameter.name === 'apiKey'),
      ).toMatchObject({ in: 'query', required: true });
    } else {
      expect(document.components.schemas[`${name}Request`].required).toContain('apiKey');
      expect(JSON.stringify(route.requestBody)).toContain(`"#/components/schemas/${name}Request"`);
      expect(route.security).toEqual([]);
    }
    const answers = route.responses['200'].content;
    expect(JSON.stringify(answers['application/json'].schema)).toContain(
      `"#/components/schemas/${name}Response"`,
    );
    // XML only where the page documents `_format`.
    expect('application/xml' in answers).toBe('_format' in requestShapeOf(endpoint));
    for (const code of codesOf(endpoint.codes)) {
      const status = endpoint.codes[code]?.httpStatus;
      if (status !== undefined) expect(route.responses[String(status)].description).toContain(`code ${code}`);
    }
  });

  test('@redocly/cli lint finds no error and no warning (its recommended rules)', {
    timeout: 60_000,
  }, async () => {
    const lint = await redoclyLint(document);
    expect(lint.output).toContain('Your API description is valid');
    expect([lint.errors, lint.warnings], lint.output).toEqual([0, 0]);
  });
});
