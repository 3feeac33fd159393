import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's chromium (never a downloaded browser): $CHROMIUM_PATH, else what
 * `which chromium` finds, else /usr/bin/chromium. The suites skip without one
 * on a developer's machine and fail in CI.
 */
function findChromium(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    const found = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
    if (found) return found;
  } catch {
    // not on PATH
  }
  return '/usr/bin/chromium';
}

export const CHROMIUM_PATH = findChromium();
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
const MISSING = `Chromium not found at ${CHROMIUM_PATH}: run \`node scripts/setup.mjs --browser\` (Debian's chromium) or set CHROMIUM_PATH`;
if (!HAS_CHROMIUM && process.env.CI) throw new Error(MISSING);
if (!HAS_CHROMIUM) console.warn(`Skipping the browser suite. ${MISSING}`);

// The network is closed and tests may run as root: no sandbox, nothing phoning home.
const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
}

/** Where screenshots go: reports/screenshots/ at the repository root (CI keeps reports/). */
export function screenshotPath(name: string): string {
  const directory = new URL('../../../../reports/screenshots/', import.meta.url).pathname;
  mkdirSync(directory, { recursive: true });
  return `${directory}${name}`;
}
