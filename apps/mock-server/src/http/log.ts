const SECRET_NAME = /^api[-_]?key$/i;

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/**
 * A URL with every API key replaced by `REDACTED`, for log lines (the same
 * word the client's errors use). Names are compared decoded (`api%4Bey` is
 * `apiKey` to the query parser), and any spelling of the name counts.
 */
export function redactUrl(url: string, replacement: string): string {
  const mark = url.indexOf('?');
  if (mark < 0) return url;
  const hash = url.indexOf('#', mark);
  const query = url.slice(mark + 1, hash < 0 ? undefined : hash);
  const redacted = query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals < 0 ? pair : pair.slice(0, equals);
      return SECRET_NAME.test(decodedName(name)) ? `${name}=${replacement}` : pair;
    })
    .join('&');
  return `${url.slice(0, mark + 1)}${redacted}${hash < 0 ? '' : url.slice(hash)}`;
}
