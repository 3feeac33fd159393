import { readFileSync } from 'node:fs';
import { type MockConfig, parseConfig } from '../core/config.js';

/**
 * Reads a JSON file the CLI was given, naming the file in every error (and
 * never repeating what it holds). Kept out of `core/` so the engine has no
 * Node built-in: the MSW entry bundles it for browsers.
 */
export function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read ${what} ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${what[0]?.toUpperCase()}${what.slice(1)} ${path} is not JSON: ${(error as Error).message}`,
    );
  }
}

/** Reads a JSON config file. */
export function loadConfigFile(path: string): MockConfig {
  return parseConfig(readJsonFile(path, 'config file'), `config file ${path}`);
}
