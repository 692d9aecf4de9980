import { seededRandom } from '../support/fault-harness';

/**
 * The fuzzer's randomness: one generator per request, derived from the run's
 * seed and the request's index, so a request's content does not depend on how
 * many random numbers earlier requests drew or in which order they finished.
 */
export class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = seededRandom(seed);
  }

  /** The generator for item `index` of stream `stream` of a run. */
  static for(seed: number, stream: string, index: number): Random {
    let hash = 2166136261 ^ seed; // FNV-1a over the stream name, mixed with the seed and the index
    for (const char of `${stream}#${index}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
    return new Random(hash >>> 0);
  }

  float(): number {
    return this.next();
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)];
  }

  /** A small non-empty random subset, in the original order: mostly one item, now and then a few. */
  subset<T>(items: readonly T[]): T[] {
    if (this.chance(0.7)) return [this.pick(items)];
    const chosen = items.filter(() => this.chance(2 / items.length));
    return chosen.length > 0 ? chosen : [this.pick(items)];
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) out += this.int(16).toString(16);
    return out;
  }

  uuid(): string {
    const h = this.hex(32);
    const variant = '89ab'[this.int(4)];
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}
