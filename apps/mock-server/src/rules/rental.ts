import type { RentalRow, RentalStatus, RentalTarget, VolumeWanted } from '@smspartner-kit/schema';

/**
 * How many opt-in contacts a target matches, and what the rental of some of
 * them costs. SMS Partner's contact base is not public, so the mock counts
 * from a fixed, documented model (the project's, labelled so in the README):
 *
 * - a postcode (`CP`, five digits, a real department prefix 01–98 or 2A/2B)
 *   holds 400 contacts, a department (`DEP`: 01–95, 2A, 2B, 971–976) 20,000;
 *   any other place (`00000`, `99`) holds none;
 * - the share that matches: the age span out of 18–98, half for one sex
 *   (`h`, `f`; `m` is mixed), half with a sub-interest, half with a category.
 *
 * A target without any place, or whose places and ages match no one, returns
 * no result (61).
 */
export const CONTACTS_PER_POSTCODE = 400;
export const CONTACTS_PER_DEPARTMENT = 20_000;

const POSTCODE = /^(0[1-9]|[1-8]\d|9[0-8]|2[AB])\d{3}$/i;
const DEPARTMENT = /^(0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6])$/i;

/** The contacts of the whole base a target's criteria (not places) keep, as a share. */
function share(target: RentalTarget): number {
  const span = Math.max(0, target.maxAge - target.minAge + 1) / (98 - 18 + 1);
  return (
    span *
    (target.sexe === 'm' ? 1 : 0.5) *
    (target.subInterest === undefined ? 1 : 0.5) *
    (target.category === undefined ? 1 : 0.5)
  );
}

/** The contacts available per place of the target, postcodes first, as the answer's rows (without the total). */
export function availableRows(target: RentalTarget): RentalRow[] {
  const part = share(target);
  return [
    ...target.zipcodes.map((place) => ({
      Type: 'CP',
      Localite: place,
      Volume: POSTCODE.test(place) ? Math.floor(CONTACTS_PER_POSTCODE * part) : 0,
    })),
    ...target.departments.map((place) => ({
      Type: 'DEP',
      Localite: place,
      Volume: DEPARTMENT.test(place) ? Math.floor(CONTACTS_PER_DEPARTMENT * part) : 0,
    })),
  ];
}

/** The `total` row the answer ends with [official]. */
export function withTotal(rows: readonly RentalRow[]): RentalRow[] {
  return [
    ...rows,
    { Type: 'total', Localite: 'total', Volume: rows.reduce((sum, row) => sum + row.Volume, 0) },
  ];
}

/**
 * The rows a `price` or `rent` asks for: the volumes wanted, each within its
 * place's available volume (27 above it, or for a place the target does not
 * have), and a `total` row, when one is sent, within the total available
 * (28). Without volumes, everything available.
 */
export function wantedRows(
  available: readonly RentalRow[],
  wanted: readonly VolumeWanted[] | undefined,
): { ok: true; rows: RentalRow[] } | { ok: false; code: 27 | 28 } {
  if (wanted === undefined) return { ok: true, rows: [...available] };
  const rows: RentalRow[] = [];
  const total = available.reduce((sum, row) => sum + row.Volume, 0);
  for (const item of wanted) {
    if (item.type === 'total') {
      if (item.volume > total) return { ok: false, code: 28 };
      continue;
    }
    const place = available.find(
      (row) => row.Localite === item.locality && (item.type === undefined || row.Type === item.type),
    );
    if (!place || item.volume > place.Volume) return { ok: false, code: 27 };
    rows.push({ Type: place.Type, Localite: place.Localite, Volume: item.volume });
  }
  return { ok: true, rows };
}

/**
 * Where a rental stands on the mock's clock: requested (0) for its first
 * minute, file being created (1) until five minutes, then ready (2). The
 * failed (3) and downloaded (5) statuses need the Download File page, which
 * no source holds: the mock never reaches them.
 */
export function rentalStatusAt(createdAt: number, now: number): RentalStatus {
  const elapsed = now - createdAt;
  if (elapsed < 60_000) return 0;
  return elapsed < 5 * 60_000 ? 1 : 2;
}
