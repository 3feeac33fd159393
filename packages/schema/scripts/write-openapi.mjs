// Writes the OpenAPI 3.1 document of the SMS Partner API into the package
// (dist/openapi.json, exported as @smspartner-kit/schema/openapi.json), from
// the built registry: the document is generated, never edited by hand.
import { readFileSync, writeFileSync } from 'node:fs';

const { buildOpenApiDocument } = await import(new URL('../dist/openapi.js', import.meta.url).href);
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
writeFileSync(
  new URL('../dist/openapi.json', import.meta.url),
  `${JSON.stringify(buildOpenApiDocument({ version }), null, 2)}\n`,
);
