/** The one Bloom filter of word hashes (src/matching/key-filter.ts), shared by the matcher and the first-words filter. */
import { describe, expect, it } from 'vitest';
import { FirstWords, firstWordOf } from './first-words';
import { KeyFilter } from './key-filter';
import { Tokens } from './tokens';

/** Distinct pseudo-random 32-bit hashes (xorshift), the same every run. */
function hashes(count: number, seed: number): number[] {
  const out: number[] = [];
  let x = seed;
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out.push(x | 0);
  }
  return out;
}

describe('KeyFilter', () => {
  it('is sized at about 16 bits per key, from 4 Kib to 4 Mib', () => {
    expect(KeyFilter.forCount(0).size).toBe(1 << 12);
    expect(KeyFilter.forCount(1000).size).toBe(1 << 14);
    expect(KeyFilter.forCount(10_000_000).size).toBe(1 << 22);
    expect(KeyFilter.forCount(1000).bits.length).toBe((1 << 14) / 32);
  });

  it('has every key added, and lets few others through', () => {
    const added = hashes(5000, 1);
    const filter = KeyFilter.forCount(added.length);
    for (const h of added) filter.add(h);
    for (const h of added) expect(filter.has(h)).toBe(true);
    const others = hashes(20_000, 99).filter((h) => !added.includes(h));
    const passed = others.filter((h) => filter.has(h)).length;
    expect(passed / others.length).toBeLessThan(0.03);
  });

  it('is the first-words filter bit for bit: a word passes one exactly when it passes the other', () => {
    const texts = ['Vladimir Putin', 'Nato', 'de Gaulle', 'Élysée', 'Johnson & Johnson'];
    const words = FirstWords.build(texts).toWire();
    const tokens = new Tokens();
    const filter = KeyFilter.forCount(texts.length);
    for (const text of texts) filter.add(firstWordOf(tokens, text)!.hash);
    expect(words.size).toBe(filter.size);
    expect(Buffer.from(words.any, 'base64')).toEqual(Buffer.from(filter.bits.buffer));
  });
});
