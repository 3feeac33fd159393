/**
 * The targeting criteria of POST /v1/location/optin and the volumes wanted,
 * read field by field with the codes of the Error Codes page's "Location"
 * table. Pure: the mock answers with these codes, and a client can check a
 * target before sending it.
 */

/** `sexe` [official]: `m` mixed, `h` men, `f` women. */
export type RentalSex = 'm' | 'h' | 'f';

/** A target as the rules read it: ages as integers, places as lists. */
export interface RentalTarget {
  readonly sexe: RentalSex;
  readonly minAge: number;
  readonly maxAge: number;
  readonly interest: number | undefined;
  readonly subInterest: number | undefined;
  /** Socio-professional category [official]: 102 = CSP+, 103 = CSP-. */
  readonly category: number | undefined;
  readonly zipcodes: readonly string[];
  readonly departments: readonly string[];
}

/** The codes a target can be refused with, in the order they are checked. */
export type TargetingCode = 7 | 8 | 9 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 22 | 23;

const absent = (value: unknown) => value === undefined || value === null;
const blank = (value: unknown) => typeof value === 'string' && value.trim() === '';

/** An integer as the docs send it: a JSON number, or a string of digits (the sample sends `"25"`). */
function wholeNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  return typeof value === 'string' && /^\s*-?\d{1,9}\s*$/.test(value) ? Number(value) : undefined;
}

/** A comma list of places (`"02,60"`): trimmed, empty items dropped, each kept once. */
function places(value: unknown): string[] {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  return [
    ...new Set(
      text
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    ),
  ];
}

/**
 * An optional positive id (`interest`, `subInterest`, `category`): absent is
 * fine, empty answers `empty`, anything but an integer above 0 answers `notPositive`.
 */
function positiveId<Empty extends number, NotPositive extends number>(
  value: unknown,
  empty: Empty,
  notPositive: NotPositive,
): { ok: true; value: number | undefined } | { ok: false; code: Empty | NotPositive } {
  if (absent(value)) return { ok: true, value: undefined };
  if (blank(value)) return { ok: false, code: empty };
  const id = wholeNumber(value);
  return id === undefined || id <= 0 ? { ok: false, code: notPositive } : { ok: true, value: id };
}

/**
 * Reads `parameters`: `sexe` (7 missing, 8 not m/h/f), `minAge` (9 missing,
 * 12 not an integer above 17), `maxAge` (13 missing, 14 not an integer below
 * 99), `interest` (16 empty, 15 not above 0), `subInterest` (17 empty, 18 not
 * above 0), one of the two at least (19), `category` (22 empty, 23 not above
 * 0); `zipcode` and `department` are comma lists. The page says minAge must be
 * "greater than 18" and code 12 "greater than 17": 18 is accepted.
 */
export function checkTargeting(
  parameters: Readonly<Record<string, unknown>>,
): { ok: true; target: RentalTarget } | { ok: false; code: TargetingCode } {
  const { sexe, minAge, maxAge } = parameters;
  if (absent(sexe) || blank(sexe)) return { ok: false, code: 7 };
  if (sexe !== 'm' && sexe !== 'h' && sexe !== 'f') return { ok: false, code: 8 };
  if (absent(minAge) || blank(minAge)) return { ok: false, code: 9 };
  const min = wholeNumber(minAge);
  if (min === undefined || min < 18) return { ok: false, code: 12 };
  if (absent(maxAge) || blank(maxAge)) return { ok: false, code: 13 };
  const max = wholeNumber(maxAge);
  if (max === undefined || max >= 99) return { ok: false, code: 14 };
  const interest = positiveId(parameters.interest, 16, 15);
  if (!interest.ok) return interest;
  const subInterest = positiveId(parameters.subInterest, 17, 18);
  if (!subInterest.ok) return subInterest;
  if (interest.value === undefined && subInterest.value === undefined) return { ok: false, code: 19 };
  const category = positiveId(parameters.category, 22, 23);
  if (!category.ok) return category;
  return {
    ok: true,
    target: {
      sexe,
      minAge: min,
      maxAge: max,
      interest: interest.value,
      subInterest: subInterest.value,
      category: category.value,
      zipcodes: places(parameters.zipcode),
      departments: places(parameters.department),
    },
  };
}

/** The kind of a volume row: a postcode, a department, or the total (the answer's `Type`s). */
export type VolumeType = 'CP' | 'DEP' | 'total';

/** One volume wanted: for a postcode, a department, or in all (`total`). */
export interface VolumeWanted {
  readonly type: VolumeType | undefined;
  readonly locality: string;
  readonly volume: number;
}

/**
 * Reads `volumes`: the documented map (`{"60200": 20}`, a volume per postcode
 * or department), or, the project's reading of codes 24–26, a list of rows
 * shaped like the answer's `datas` (`[{"Type": "CP", "Localite": "60200",
 * "Volume": 20}]`, so a `calcul` answer can be sent back as it came): a row
 * without a known `Type` answers 24, without `Localite` 25, and a volume that
 * is not a whole number above 0 answers 26. Absent: undefined.
 */
export function readVolumes(
  volumes: unknown,
): { ok: true; wanted: VolumeWanted[] | undefined } | { ok: false; code: 24 | 25 | 26 } {
  if (absent(volumes)) return { ok: true, wanted: undefined };
  const volumeOf = (value: unknown) => {
    const volume = wholeNumber(value);
    return volume !== undefined && volume > 0 ? volume : undefined;
  };
  if (Array.isArray(volumes)) {
    const wanted: VolumeWanted[] = [];
    for (const row of volumes) {
      const { Type, Localite, Volume } = (typeof row === 'object' && row !== null ? row : {}) as Record<
        string,
        unknown
      >;
      if (Type !== 'CP' && Type !== 'DEP' && Type !== 'total') return { ok: false, code: 24 };
      const locality = typeof Localite === 'number' ? String(Localite) : Localite;
      if (typeof locality !== 'string' || locality.trim() === '') return { ok: false, code: 25 };
      const volume = volumeOf(Volume);
      if (volume === undefined) return { ok: false, code: 26 };
      wanted.push({ type: Type, locality: locality.trim(), volume });
    }
    return { ok: true, wanted };
  }
  if (typeof volumes !== 'object') return { ok: false, code: 26 };
  const wanted: VolumeWanted[] = [];
  for (const [locality, value] of Object.entries(volumes as Record<string, unknown>)) {
    if (locality.trim() === '') return { ok: false, code: 25 };
    const volume = volumeOf(value);
    if (volume === undefined) return { ok: false, code: 26 };
    wanted.push({ type: undefined, locality: locality.trim(), volume });
  }
  return { ok: true, wanted };
}
