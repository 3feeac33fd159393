import { CALL_FORWARDING_TYPES, checkPhoneNumber } from '@smspartner-kit/schema';

/** What a rented virtual number does with calls: nothing, forward them, or take voicemail. */
export type ForwardingMode = 'disabled' | 'forward' | 'voicemail';

/** A number's forwarding: its mode and its `param` (the forwarding number, or the voicemail e-mail). */
export interface Forwarding {
  readonly mode: ForwardingMode;
  readonly param: string;
}

/** A rented number starts with forwarding off (the docs do not say; the mock's choice). */
export const FORWARDING_OFF: Forwarding = { mode: 'disabled', param: '' };

const MODES: Readonly<Record<0 | 1 | 2, ForwardingMode>> = {
  [CALL_FORWARDING_TYPES.disabled]: 'disabled',
  [CALL_FORWARDING_TYPES.forward]: 'forward',
  [CALL_FORWARDING_TYPES.voicemail]: 'voicemail',
};

/** A plain e-mail address: something@domain.tld, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks `param` for a type [official]: type 0 takes none (whatever comes is
 * ignored); type 1 a phone number (French national or international; 12
 * otherwise); type 2 an e-mail address (9 otherwise); both need one (8).
 */
export function checkForwardingParam(
  type: 0 | 1 | 2,
  param: string | undefined,
): { ok: true; param: string } | { ok: false; code: 8 | 9 | 12 } {
  if (type === 0) return { ok: true, param: '' };
  const value = param?.trim() ?? '';
  if (value === '') return { ok: false, code: 8 };
  if (type === 1) {
    const checked = checkPhoneNumber(value);
    return checked.valid ? { ok: true, param: checked.e164 } : { ok: false, code: 12 };
  }
  return EMAIL.test(value) ? { ok: true, param: value } : { ok: false, code: 9 };
}

/**
 * The state machine the codes 16–18 describe: asking for the mode a number is
 * already in answers 16 (forwarding), 17 (voicemail) or 18 (off); any other
 * request switches to it. Forwarding to another number while forwarding is
 * still "already enabled" (16): turn it off first (the docs do not say; the
 * codes name the mode, not its target).
 */
export function decideForwarding(
  current: Forwarding,
  type: 0 | 1 | 2,
  param: string,
): { ok: true; next: Forwarding } | { ok: false; code: 16 | 17 | 18 } {
  const mode = MODES[type];
  if (current.mode === mode)
    return { ok: false, code: mode === 'forward' ? 16 : mode === 'voicemail' ? 17 : 18 };
  return { ok: true, next: { mode, param } };
}
