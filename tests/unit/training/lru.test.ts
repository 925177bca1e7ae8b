import { describe, expect, it } from 'vitest'
import { LruCache } from '@/lib/training/lru'

describe('LruCache', () => {
  it('drops the least recently used entry beyond its entry bound', () => {
    const c = new LruCache<number>(2)
    c.set('a', 1)
    c.set('b', 2)
    expect(c.get('a')).toBe(1) // a is now the most recent
    c.set('c', 3)
    expect(c.get('b')).toBeUndefined()
    expect(c.get('a')).toBe(1)
    expect(c.get('c')).toBe(3)
    expect(c.size).toBe(2)
  })

  it('keeps the total weight under its bound and refuses an entry heavier than the bound', () => {
    const c = new LruCache<string>(100, 10)
    c.set('a', 'x', 4)
    c.set('b', 'y', 4)
    c.set('c', 'z', 4) // 12 > 10: a goes
    expect(c.get('a')).toBeUndefined()
    expect([c.get('b'), c.get('c')]).toEqual(['y', 'z'])
    c.set('huge', 'w', 11)
    expect(c.get('huge')).toBeUndefined()
    expect(c.size).toBe(2)
    // Replacing a key does not count its old weight twice.
    c.set('b', 'y2', 4)
    c.set('b', 'y3', 4)
    expect(c.get('c')).toBe('z')
  })

  it('forgets entries older than its time to live', () => {
    let now = 1_000
    const c = new LruCache<number>(10, Number.POSITIVE_INFINITY, 500, () => now)
    c.set('a', 1)
    now += 500
    expect(c.get('a')).toBe(1)
    now += 1
    expect(c.get('a')).toBeUndefined()
    expect(c.size).toBe(0)
  })

  it('clear() empties it', () => {
    const c = new LruCache<number>(10, 100)
    c.set('a', 1, 50)
    c.clear()
    expect(c.get('a')).toBeUndefined()
    c.set('b', 2, 100)
    expect(c.get('b')).toBe(2)
  })
})
