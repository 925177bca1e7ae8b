import { describe, expect, it } from 'vitest'
import { ConnectionGate } from '@/lib/db'
import { isDatabaseUnavailable } from '@/lib/errors'

// The queue in front of the pool (lib/db.ts): waits while connections keep being handed out, gives
// up (as "unavailable", so 503) when none has been for the stall time, and keeps a reserve of
// connections for single queries so that held clients cannot deadlock the pool.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('ConnectionGate', () => {
  it('queues past the stall time while connections keep being handed out', async () => {
    const gate = new ConnectionGate(2, 300)
    await gate.acquire()
    await gate.acquire()
    const started = Date.now()
    const waiting = Array.from({ length: 10 }, () => gate.acquire().then(() => Date.now() - started))
    // Hand one connection on every 100 ms: the last waiter gets its turn after ~1 s, well past 300 ms.
    const timer = setInterval(() => {
      gate.progress()
      gate.release()
    }, 100)
    const waited = await Promise.all(waiting)
    clearInterval(timer)
    expect(Math.max(...waited)).toBeGreaterThan(600)
  })

  it('fails every waiter as unavailable once nothing has been handed out for the stall time', async () => {
    const gate = new ConnectionGate(1, 300)
    await gate.acquire()
    const started = Date.now()
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => gate.acquire()))
    expect(results.every((r) => r.status === 'rejected' && isDatabaseUnavailable(r.reason))).toBe(true)
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(gate.stats).toEqual({ active: 1, holds: 0, queued: 0 })
  })

  it('refuses at once when the queue is full', async () => {
    const gate = new ConnectionGate(1, 5_000, 20_000, 2)
    await gate.acquire()
    const queued = [gate.acquire(), gate.acquire()]
    const err = await gate.acquire().catch((e: unknown) => e)
    expect(isDatabaseUnavailable(err)).toBe(true)
    gate.release()
    gate.release()
    await Promise.all(queued)
  })

  it('keeps a reserve for single queries: held clients never take every connection', async () => {
    const gate = new ConnectionGate(5, 300)
    for (let i = 0; i < 4; i++) await gate.acquire('hold')
    const fifthHold = gate.acquire('hold')
    let fifthGot = false
    void fifthHold.then(() => (fifthGot = true), () => {})
    // A query from inside one of the held clients' work still gets a connection at once.
    await gate.acquire('query')
    await sleep(20)
    expect(fifthGot).toBe(false)
    expect(gate.stats).toEqual({ active: 5, holds: 4, queued: 1 })
    gate.release('query')
    gate.release('hold')
    await fifthHold
    expect(gate.stats).toEqual({ active: 4, holds: 4, queued: 0 })
  })
})
