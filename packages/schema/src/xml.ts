import * as z from 'zod/mini';

/**
 * SMS Partner's XML answers (`_format=xml`): `<result>` holds one `<entry>` per
 * top-level JSON value, in JSON key order, with the key names dropped; nested
 * arrays and objects become nested `<entry>` lists. Strings of a success body
 * are wrapped in CDATA, strings of a failure body are bare text (as in the
 * seed's error example); booleans and numbers are always bare.
 */

/** One decoded `<entry>`: a scalar, or the list of entries nested in it. */
export type XmlEntry = string | number | boolean | XmlEntry[];

/** The XML response shape as a schema: a list of entries, nested to any depth. */
export const xmlEntry: z.ZodMiniType<XmlEntry> = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.lazy(() => xmlEntry)),
]);
export const xmlResult = z.array(xmlEntry);

const XML_DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>";

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cdata(text: string): string {
  // A literal "]]>" cannot sit inside one CDATA section: split it across two.
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

function encodeValue(value: unknown, wrapStrings: boolean, indent: string): string {
  if (Array.isArray(value) || (typeof value === 'object' && value !== null)) {
    const children = Array.isArray(value) ? value : Object.values(value);
    const inner = children
      .filter((child) => child !== undefined)
      .map((child) => encodeValue(child, wrapStrings, `${indent}  `))
      .join('');
    return `${indent}<entry>\n${inner}${indent}</entry>\n`;
  }
  if (typeof value === 'string') {
    return `${indent}<entry>${wrapStrings ? cdata(value) : escapeText(value)}</entry>\n`;
  }
  if (value === null) return `${indent}<entry></entry>\n`;
  return `${indent}<entry>${String(value)}</entry>\n`;
}

function encodeNamed(value: Record<string, unknown>, indent: string): string {
  const inner = Object.entries(value)
    .filter(([, child]) => child !== undefined)
    .map(([name, child]) => `${indent}  <${name}>${escapeText(String(child))}</${name}>\n`)
    .join('');
  return `${indent}<entry>\n${inner}${indent}</entry>\n`;
}

/**
 * How an endpoint's XML differs from its JSON: top-level objects under
 * `namedKeys` keep their element names (the credits `user` block); the dotted
 * paths under `omit` are JSON-only fields left out.
 */
export interface XmlOptions {
  readonly namedKeys?: readonly string[] | undefined;
  readonly omit?: readonly string[] | undefined;
}

/**
 * Encodes a JSON body the way SMS Partner does. Strings are wrapped in CDATA
 * when `body.success` is true and left bare (escaped) otherwise; see
 * {@link XmlOptions} for the rest.
 */
export function encodeXml(body: Record<string, unknown>, options: XmlOptions = {}): string {
  const wrapStrings = body.success === true;
  const entries = Object.entries(options.omit?.length ? withoutPaths(body, options.omit) : body)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) =>
      options.namedKeys?.includes(key) && typeof value === 'object' && value !== null && !Array.isArray(value)
        ? encodeNamed(value as Record<string, unknown>, '  ')
        : encodeValue(value, wrapStrings, '  '),
    )
    .join('');
  return `${XML_DECLARATION}\n<result>\n${entries}</result>\n`;
}

/** A copy of `body` without the fields at the dotted `paths` (the body itself is left alone). */
function withoutPaths(body: Record<string, unknown>, paths: readonly string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...body };
  for (const path of paths) {
    const [head, ...rest] = path.split('.') as [string, ...string[]];
    if (!Object.hasOwn(copy, head)) continue;
    const value = copy[head];
    if (rest.length === 0) delete copy[head];
    else if (typeof value === 'object' && value !== null && !Array.isArray(value))
      copy[head] = withoutPaths(value as Record<string, unknown>, [rest.join('.')]);
  }
  return copy;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const point =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return String.fromCodePoint(point);
    }
    return ENTITY[name.toLowerCase()] ?? whole;
  });
}

/** Thrown when a text is not an SMS Partner XML answer. */
export class XmlDecodeError extends Error {
  override readonly name = 'XmlDecodeError' as const;
}

/**
 * Decodes an SMS Partner XML answer into its list of entries. CDATA text stays
 * a string; bare `true`/`false` become booleans and bare numbers become numbers.
 * Element names are ignored (the credits `user` block keeps its names, which
 * carry no extra meaning once the key order is known).
 */
export function decodeXml(xml: string): XmlEntry[] {
  let at = 0;
  const fail = (why: string): never => {
    throw new XmlDecodeError(`Not an SMS Partner XML answer: ${why} at offset ${at}`);
  };
  const skipSpace = () => {
    while (at < xml.length && /\s/.test(xml[at] as string)) at++;
  };
  const skipProlog = () => {
    skipSpace();
    while (xml.startsWith('<?', at) || xml.startsWith('<!--', at)) {
      const end = xml.startsWith('<?', at) ? xml.indexOf('?>', at) : xml.indexOf('-->', at);
      if (end < 0) fail('unterminated prolog');
      at = end + (xml.startsWith('<?', at) ? 2 : 3);
      skipSpace();
    }
  };
  const readOpenTag = (): { name: string; selfClosing: boolean } => {
    const match = /^<([A-Za-z_][\w.-]*)[^>]*?(\/?)>/.exec(xml.slice(at, at + 200));
    if (!match) return fail('expected an element');
    at += match[0].length;
    return { name: match[1] as string, selfClosing: match[2] === '/' };
  };
  const readElement = (): XmlEntry => {
    const { name, selfClosing } = readOpenTag();
    if (selfClosing) return '';
    const children: XmlEntry[] = [];
    let text = '';
    let sawCdata = false;
    for (;;) {
      if (at >= xml.length) fail(`unterminated <${name}>`);
      if (xml.startsWith('<![CDATA[', at)) {
        const end = xml.indexOf(']]>', at);
        if (end < 0) fail('unterminated CDATA');
        text += xml.slice(at + 9, end);
        sawCdata = true;
        at = end + 3;
      } else if (xml.startsWith('</', at)) {
        const end = xml.indexOf('>', at);
        if (xml.slice(at + 2, end).trim() !== name) fail(`mismatched </${xml.slice(at + 2, end)}>`);
        at = end + 1;
        break;
      } else if (xml.startsWith('<!--', at)) {
        const end = xml.indexOf('-->', at);
        if (end < 0) fail('unterminated comment');
        at = end + 3;
      } else if (xml[at] === '<') {
        children.push(readElement());
      } else {
        const next = xml.indexOf('<', at);
        text += decodeEntities(xml.slice(at, next < 0 ? xml.length : next));
        at = next < 0 ? xml.length : next;
      }
    }
    if (children.length > 0) return children;
    if (sawCdata) return text.trim() === '' ? text : text.trim();
    const bare = text.trim();
    if (bare === 'true') return true;
    if (bare === 'false') return false;
    // A number only when that loses nothing ("3.800" or "007" stay text; the schema decides).
    if (/^-?\d+(\.\d+)?$/.test(bare) && String(Number(bare)) === bare) return Number(bare);
    return bare;
  };

  skipProlog();
  if (!/^<result[\s/>]/.test(xml.slice(at, at + 8))) fail('expected the root element <result>');
  const decoded = readElement();
  skipSpace();
  if (at < xml.length) fail('text after </result>');
  return Array.isArray(decoded) ? decoded : decoded === '' ? [] : [decoded];
}

type AnySchema = z.ZodMiniType;

interface SchemaDef {
  type: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  innerType?: AnySchema;
  options?: AnySchema[];
  in?: AnySchema;
  values?: unknown[];
}

function defOf(schema: AnySchema): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/**
 * Gives decoded XML entries back their JSON keys, reading the key order from a
 * zod object schema (its shape is declared in wire order). Scalars are turned
 * into the type the schema expects: a numeric CDATA string becomes a number
 * where the schema wants one, and a bare number becomes a string where it wants
 * a string. The result still has to be parsed with the schema.
 */
export function entriesToJson(schema: AnySchema, entry: XmlEntry | undefined): unknown {
  if (entry === undefined) return undefined;
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return entriesToJson(def.innerType as AnySchema, entry);
    case 'pipe':
      return entriesToJson(def.in as AnySchema, entry);
    case 'object': {
      if (!Array.isArray(entry)) return entry;
      const keys = Object.keys(def.shape ?? {});
      const out: Record<string, unknown> = {};
      keys.forEach((key, index) => {
        const value = entriesToJson((def.shape as Record<string, AnySchema>)[key] as AnySchema, entry[index]);
        if (value !== undefined) out[key] = value;
      });
      return out;
    }
    case 'array':
      // An empty list is an empty <entry></entry>, which decodes as "".
      if (entry === '') return [];
      return Array.isArray(entry)
        ? entry.map((item) => entriesToJson(def.element as AnySchema, item))
        : entry;
    case 'union': {
      for (const option of def.options ?? []) {
        const candidate = entriesToJson(option, entry);
        if (option.safeParse(candidate).success) return candidate;
      }
      return entry;
    }
    case 'number':
    case 'int':
      return typeof entry === 'string' && entry.trim() !== '' && Number.isFinite(Number(entry))
        ? Number(entry)
        : entry;
    case 'string':
      return typeof entry === 'number' || typeof entry === 'boolean' ? String(entry) : entry;
    case 'boolean':
      return entry === 'true' ? true : entry === 'false' ? false : entry;
    case 'literal': {
      const literal = def.values?.[0];
      if (typeof literal === 'number' && typeof entry === 'string') return Number(entry);
      if (typeof literal === 'string' && typeof entry !== 'string' && !Array.isArray(entry))
        return String(entry);
      return entry;
    }
    default:
      return entry;
  }
}
