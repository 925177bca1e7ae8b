// Pure (no database, no Next.js): the bounded map behind lib/training/cache.ts.

/** A small least-recently-used map bounded by entry count and by total weight (about bytes). */
export class LruCache<V> {
  private map = new Map<string, { value: V; weight: number; at: number }>()
  private weight = 0

  constructor(
    private readonly maxEntries: number,
    private readonly maxWeight = Number.POSITIVE_INFINITY,
    private readonly ttlMs = Number.POSITIVE_INFINITY,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const hit = this.map.get(key)
    if (!hit) return undefined
    if (this.now() - hit.at > this.ttlMs) {
      this.delete(key)
      return undefined
    }
    this.map.delete(key)
    this.map.set(key, hit)
    return hit.value
  }

  set(key: string, value: V, weight = 1): void {
    if (weight > this.maxWeight) return
    this.delete(key)
    this.map.set(key, { value, weight, at: this.now() })
    this.weight += weight
    while (this.map.size > this.maxEntries || this.weight > this.maxWeight) {
      const oldest = this.map.keys().next().value as string
      this.delete(oldest)
    }
  }

  delete(key: string): void {
    const hit = this.map.get(key)
    if (!hit) return
    this.map.delete(key)
    this.weight -= hit.weight
  }

  clear(): void {
    this.map.clear()
    this.weight = 0
  }

  get size(): number {
    return this.map.size
  }
}
