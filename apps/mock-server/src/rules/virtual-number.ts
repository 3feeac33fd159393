/** A virtual long number as the docs write it: international without "+" (336xxxxxxxx), no spaces. */
export function normalizeVirtualNumber(value: string): string {
  return value.replace(/^\+/, '').replace(/\s+/g, '');
}
