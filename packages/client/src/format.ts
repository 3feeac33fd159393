import type { EndpointName, RouteOf } from '@smspartner-kit/schema';

/** The answer format asked of the API (`_format`): JSON, or XML through {@link ResponseFormatPlugin}. */
export type ResponseFormat = 'json' | 'xml';

/** How to enable XML, as error messages say it. */
export const XML_HOW_TO =
  "import { xmlFormat } from '@smspartner-kit/client/xml' and pass `format: xmlFormat`";

/**
 * A response-format plug-in: how to ask the API for a format other than JSON
 * and how to read its bodies. The only one is `xmlFormat`, from the
 * `@smspartner-kit/client/xml` entry, so that only apps that ask for XML
 * bundle the XML codec.
 */
export interface ResponseFormatPlugin {
  /** The `_format` value sent (query string of a GET, body of a POST). */
  readonly name: Exclude<ResponseFormat, 'json'>;
  /** The `accept` header sent with every request. */
  readonly accept: string;
  /**
   * Reads a body of this format (trimmed, starting with `<`) as the JSON
   * value SMS Partner would have answered for `route`. Throws when the text
   * is not in this format.
   */
  readonly decode: (text: string, route: RouteOf<EndpointName>) => unknown;
}
