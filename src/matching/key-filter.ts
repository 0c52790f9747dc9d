/**
 * The one Bloom filter over word hashes (`hashKey`, tokens.ts), shared by the matcher's
 * prefilter (matcher.ts) and the first-words filter the background sends to pages
 * (first-words.ts): a word passes one exactly when it passes the other.
 *
 * Two probes from one FNV hash, about 16 bits per key, so about 1.5% false positives: most words
 * of a page are rejected by one bit test, without making a key string, whatever the size of the
 * index. At least 4 Kib, at most 4 Mib (512 KiB).
 */
export class KeyFilter {
  readonly mask: number;

  /** `size`: the number of bits, a power of two (`bits` holds `size / 32` words). */
  constructor(
    readonly bits: Uint32Array,
    size: number,
  ) {
    this.mask = size - 1;
  }

  /** An empty filter sized for `count` distinct keys. */
  static forCount(count: number): KeyFilter {
    let size = 1 << 12;
    while (size < count * 16 && size < 1 << 22) size <<= 1;
    return new KeyFilter(new Uint32Array(size >>> 5), size);
  }

  get size(): number {
    return this.mask + 1;
  }

  add(h: number): void {
    this.set(h);
    this.set(rehash(h));
  }

  has(h: number): boolean {
    return this.test(h) && this.test(rehash(h));
  }

  private set(h: number): void {
    const bit = h & this.mask;
    this.bits[bit >>> 5] = this.bits[bit >>> 5]! | (1 << (bit & 31));
  }

  private test(h: number): boolean {
    const bit = h & this.mask;
    return (this.bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}

/** A second, independent-enough probe from the same hash. */
function rehash(h: number): number {
  return Math.imul(h ^ (h >>> 16), 0x45d9f3b) ^ (h >>> 13);
}
