import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fingerprint } from '../../src/state/journal.ts';
import { sha256Hex } from '../../src/state/sha256.ts';

const nodeSha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the browser-safe SHA-256 behind key fingerprints', () => {
  test.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('the FIPS 180-4 vector %j', (input, digest) => {
    expect(sha256Hex(input)).toBe(digest);
  });

  test('agrees with node:crypto on any text, around every block boundary', () => {
    for (let length = 0; length <= 130; length++)
      expect(sha256Hex('k'.repeat(length))).toBe(nodeSha256('k'.repeat(length)));
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        (text) => sha256Hex(text) === nodeSha256(text),
      ),
      { seed: 20300115, numRuns: 300 },
    );
  });

  test('a fingerprint is key# and the first 8 hex digits, never the key', () => {
    expect(fingerprint('test-funded-key')).toBe(`key#${nodeSha256('test-funded-key').slice(0, 8)}`);
    expect(fingerprint('test-funded-key')).not.toContain('funded');
  });
});
