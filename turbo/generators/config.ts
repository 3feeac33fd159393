import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { PlopTypes } from '@turbo/gen';

/**
 * `pnpm gen endpoint` — a new endpoint in its folders, on the one-folder layout:
 *
 *   packages/schema/src/endpoints/<family>/<endpoint>/route.ts   response, codes, route
 *   packages/schema/src/endpoints/<family>/<endpoint>/entry.ts   request, field codes, states, example
 *   packages/schema/src/endpoints/index.ts                       the registry line (+ import, export)
 *   packages/schema/src/endpoints/routes.ts                      the route line (+ import)
 *   packages/schema/test/registry.test.ts                        the method and path it pins
 *   apps/mock-server/src/endpoints/<family>/<endpoint>.ts        the handler
 *   apps/mock-server/src/endpoints/index.ts                      its export
 *   apps/mock-server/test/unit/<family>/<endpoint>.test.ts       one case per documented code
 *   packages/client/test/contract/<family>/<endpoint>.pact.test.ts  the contract, from the registry
 *   .changeset/<endpoint>.md                                     the release note
 *
 * The client needs no file: its methods come from the registry. What the
 * generator cannot know (the response schema, the codes, the request fields,
 * the handler's rule) is marked `TODO(gen)`, and two tests fail until it is
 * filled in: the schema's registry test refuses an entry whose summary still
 * says `TODO(gen)`, and the generated mock test requires one case per code.
 *
 * Non-interactive: pnpm gen endpoint --args <family> <name> <METHOD> <path>
 *   e.g. pnpm gen endpoint --args sms getMessageStatus GET /v1/message-status
 */
export default function generator(plop: PlopTypes.NodePlopAPI): void {
  plop.setActionType('biome', (answers) => {
    const root = (answers as { turbo?: { paths?: { root?: string } } }).turbo?.paths?.root ?? process.cwd();
    const touched = [
      'packages/schema/src/endpoints',
      'packages/schema/test/registry.test.ts',
      'apps/mock-server/src/endpoints',
      'apps/mock-server/test/unit',
      'packages/client/test/contract',
    ];
    execFileSync(join(root, 'node_modules/.bin/biome'), ['check', '--write', ...touched], {
      cwd: root,
      stdio: 'pipe',
    });
    return 'formatted with biome';
  });
  plop.setGenerator('endpoint', {
    description:
      'A new SMS Partner endpoint: schema route and entry, registry lines, mock handler, tests, changeset',
    prompts: [
      {
        type: 'input',
        name: 'family',
        message: 'Family folder (e.g. sms, account, contacts):',
        validate: (value: string) =>
          /^[a-z][a-z0-9-]*$/.test(value) || 'lower-case letters, digits and dashes',
      },
      {
        type: 'input',
        name: 'name',
        message: 'Registry name, camelCase (e.g. getMessageStatus):',
        validate: (value: string) => /^[a-z][A-Za-z0-9]*$/.test(value) || 'camelCase, starting with a letter',
      },
      {
        type: 'list',
        name: 'method',
        message: 'HTTP method:',
        choices: ['GET', 'POST', 'DELETE'],
      },
      {
        type: 'input',
        name: 'path',
        message: 'Path (e.g. /v1/message-status):',
        validate: (value: string) => /^\/v1\/[A-Za-z0-9/_-]+$/.test(value) || 'a path under /v1/',
      },
    ],
    actions: [
      {
        type: 'add',
        path: '{{turbo.paths.root}}/packages/schema/src/endpoints/{{family}}/{{kebabCase name}}/route.ts',
        templateFile: 'templates/route.ts.hbs',
      },
      {
        type: 'add',
        path: '{{turbo.paths.root}}/packages/schema/src/endpoints/{{family}}/{{kebabCase name}}/entry.ts',
        templateFile: 'templates/entry.ts.hbs',
      },
      {
        type: 'modify',
        path: '{{turbo.paths.root}}/packages/schema/src/endpoints/index.ts',
        pattern: /(import type \{ AnyEndpoint, EndpointRoute \} from '..\/core\/define.js';\n)/,
        template: "$1import { {{name}} } from './{{family}}/{{kebabCase name}}/entry.js';\n",
      },
      {
        type: 'modify',
        path: '{{turbo.paths.root}}/packages/schema/src/endpoints/index.ts',
        pattern: /(\/\/ Every module of every endpoint folder[^\n]*\n)/,
        template: "$1export * from './{{family}}/{{kebabCase name}}/entry.js';\n",
      },
      {
        type: 'modify',
        path: '{{turbo.paths.root}}/packages/schema/src/endpoints/index.ts',
        pattern: /(export const endpoints = \{\n(?: {2}\w+,\n)*)/,
        template: '$1  {{name}},\n',
      },
      {
        type: 'modify',
        path: '{{turbo.paths.root}}/packages/schema/src/endpoints/routes.ts',
        pattern: /(import type \{ EndpointName, RouteOf \} from '.\/index.js';\n)/,
        template: "$1import { {{name}}Route } from './{{family}}/{{kebabCase name}}/route.js';\n",
      },
      {
        type: 'modify',
        path: '{{turbo.paths.root}}/packages/schema/src/endpoints/routes.ts',
        pattern: /(export const routes = \{\n(?: {2}\w+: \w+,\n)*)/,
        template: '$1  {{name}}: {{name}}Route,\n',
      },
      {
        type: 'modify',
        path: '{{turbo.paths.root}}/packages/schema/test/registry.test.ts',
        pattern: /(\n {4}\}\);\n {2}\}\);\n\}\);\n)/,
        template: "\n      {{name}}: '{{method}} {{path}}',$1",
      },
      {
        type: 'add',
        path: '{{turbo.paths.root}}/apps/mock-server/src/endpoints/{{family}}/{{kebabCase name}}.ts',
        templateFile: 'templates/handler.ts.hbs',
      },
      {
        type: 'append',
        path: '{{turbo.paths.root}}/apps/mock-server/src/endpoints/index.ts',
        template: "export * from './{{family}}/{{kebabCase name}}.js';",
      },
      {
        type: 'add',
        path: '{{turbo.paths.root}}/apps/mock-server/test/unit/{{family}}/{{kebabCase name}}.test.ts',
        templateFile: 'templates/handler.test.ts.hbs',
      },
      {
        type: 'add',
        path: '{{turbo.paths.root}}/packages/client/test/contract/{{family}}/{{kebabCase name}}.pact.test.ts',
        templateFile: 'templates/pact.test.ts.hbs',
      },
      {
        type: 'add',
        path: '{{turbo.paths.root}}/.changeset/{{kebabCase name}}.md',
        templateFile: 'templates/changeset.md.hbs',
      },
      // Imports sorted and files formatted the way the linter wants them.
      { type: 'biome' },
    ],
  });
}
