// Deterministic randomness for the seed: the same seed gives the same data on every machine.
// mulberry32 is small, fast and good enough for demo data (not for anything secret).

/** 32-bit FNV-1a hash of a string: turns labels into seeds. */
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export class Rng {
  private readonly nextFloat: () => number
  private spareNormal: number | undefined

  constructor(readonly seed: number) {
    this.nextFloat = mulberry32(seed)
  }

  /**
   * An independent stream for one part of the data. Each generator takes its own fork, so that
   * adding a draw in one place does not shift every value generated after it elsewhere.
   */
  fork(label: string): Rng {
    return new Rng(hashString(`${this.seed}:${label}`))
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextFloat()
  }

  float(min: number, max: number): number {
    return min + (max - min) * this.nextFloat()
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.nextFloat() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.nextFloat() < probability
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(this.nextFloat() * items.length)]
  }

  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0)
    let r = this.nextFloat() * total
    for (const [value, w] of entries) {
      r -= w
      if (r < 0) return value
    }
    return entries[entries.length - 1][0]
  }

  /** Fisher-Yates, in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.nextFloat() * (i + 1))
      const tmp = items[i]
      items[i] = items[j]
      items[j] = tmp
    }
    return items
  }

  /** Standard normal by Box-Muller, scaled. */
  normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== undefined) {
      const z = this.spareNormal
      this.spareNormal = undefined
      return mean + sd * z
    }
    const u = 1 - this.nextFloat()
    const v = this.nextFloat()
    const r = Math.sqrt(-2 * Math.log(u))
    this.spareNormal = r * Math.sin(2 * Math.PI * v)
    return mean + sd * r * Math.cos(2 * Math.PI * v)
  }

  /** Log-normal around a median; `spread` is the sd of the logarithm. */
  logNormal(median: number, spread: number): number {
    return median * Math.exp(this.normal(0, spread))
  }

  /** Upper-case letters and digits, e.g. for external ids. */
  code(length: number): string {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
    let out = ''
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.nextFloat() * alphabet.length)]
    return out
  }
}

/**
 * Turns a series of expected (fractional) counts into whole counts whose running total never
 * drifts more than one from the expected running total. Plain per-month Poisson draws would make
 * a small team's before/after comparison mostly noise; this keeps the story in the numbers while
 * the month-to-month jitter comes from the caller's noise factors.
 */
export class CumulativeRounder {
  private expected: number
  private emitted = 0

  constructor(phase: number) {
    this.expected = phase
  }

  take(expected: number): number {
    this.expected += expected
    const target = Math.floor(this.expected)
    const n = Math.max(0, target - this.emitted)
    this.emitted += n
    return n
  }
}
