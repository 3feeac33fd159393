/**
 * Which `Host` names the mock answers. Bound to loopback, it answers only
 * loopback names by default, so a DNS-rebinding page (rebind.evil.example →
 * 127.0.0.1) cannot reach it; `--allowed-hosts` adds names (a Docker service
 * name, a tunnel), and `any` turns the check off (the default on a
 * non-loopback bind, where the CLI warns instead).
 */
export type HostPolicy = 'any' | 'loopback' | readonly string[];

const LOOPBACK_NAME = /^(localhost|[a-z0-9-]+\.localhost|127(\.\d{1,3}){3}|\[::1\]|::1)$/i;

/** The host name of a `Host` header, without its port, lower-cased. */
function hostName(host: string): string {
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d*$/, '');
  return name.toLowerCase();
}

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_NAME.test(hostName(host));
}

/** Whether a request's `Host` is one the policy serves. A request without one (HTTP/1.0) is served. */
export function hostAllowed(policy: HostPolicy, host: string | undefined): boolean {
  if (policy === 'any' || host === undefined || host === '') return true;
  if (isLoopbackHost(host)) return true;
  if (policy === 'loopback') return false;
  const name = hostName(host);
  return policy.some(
    (allowed) => allowed.toLowerCase() === name || allowed.toLowerCase() === host.toLowerCase(),
  );
}

/** Reads `--allowed-hosts` values: `any`, or comma-separated names (loopback names are always allowed). */
export function parseHostPolicy(values: readonly string[]): HostPolicy {
  const items = values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  if (items.includes('any') || items.includes('*')) return 'any';
  return items.length === 0 ? 'loopback' : items;
}
