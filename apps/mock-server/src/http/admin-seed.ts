import type { Router } from 'express';
import { fingerprint } from '../state/journal.js';
import { applySeed, parseSeed, SeedError, type SeedReport } from '../state/seed.js';
import type { Store } from '../state/store.js';

/** Largest seed document `POST /__mock/seed` reads (other admin requests: 64 KiB). */
export const SEED_BODY_LIMIT = '16mb';

/** A seed report as the admin API answers it: accounts by name or fingerprint, never by key. */
export function seedReportView(report: SeedReport) {
  return {
    clock: report.clock ?? null,
    prices: report.prices,
    accounts: report.accounts.map(({ account, replaced, messages }) => ({
      account: account.name ?? fingerprint(account.apiKey),
      replaced,
      messages,
    })),
  };
}

/**
 * `POST /__mock/seed`: loads a seed document (see `state/seed.ts`), all or
 * nothing; a refused one answers 400 with every problem and changes nothing.
 */
export function mountSeedRoute(router: Router, store: Store): void {
  router.post('/seed', (req, res) => {
    try {
      const report = applySeed(store, parseSeed(req.body));
      res.json(seedReportView(report));
    } catch (error) {
      if (!(error instanceof SeedError)) throw error;
      res.status(400).json({ error: 'Invalid seed: nothing changed', problems: error.problems });
    }
  });
}
