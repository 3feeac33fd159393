import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { CONTRACTS_DIR } from './pact.ts';

/**
 * Clears contracts/ before the consumer tests write it again, so a pact that is
 * no longer produced disappears (and the drift check in CI sees it) and no
 * stale interaction is merged into a regenerated file.
 */
export default function clearContracts(): void {
  mkdirSync(CONTRACTS_DIR, { recursive: true });
  for (const name of readdirSync(CONTRACTS_DIR)) {
    if (name.endsWith('.json')) rmSync(`${CONTRACTS_DIR}${name}`);
  }
}
