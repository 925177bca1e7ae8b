import 'server-only'
import { AsyncLocalStorage } from 'node:async_hooks'
import type pg from 'pg'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient, type Prisma } from '@/lib/generated/prisma/client'
import { createPool } from '@/lib/database/pool'
import { getEnv } from '@/lib/env'
import { databaseUrlOrThrow } from '@/lib/database/runtime'

// The app's Prisma client: one pg pool per process (kept across hot reloads) with a bounded
// in-process queue in front of it. See docs/decisions/0013-scale-out-and-recovery.md.
//
// Why a queue of our own: pg's pool gives a waiting request the same `connectionTimeoutMillis` as a
// new connection (3 s), so a burst of 500 writes on 10 connections was partly refused with 503 while
// the database was healthy and busy. The gate lets a queued request wait as long as the pool keeps
// handing out connections (QUEUE_MAX_WAIT_MS), but fails every waiter with "unavailable" (503) when
// nothing has been checked out for PACELINE_DB_CONNECT_TIMEOUT_MS: the database is gone or stuck.
// A refused new connection (ECONNREFUSED: the database is down) fails at once, as before.

/** Longest a queued request waits for a connection while the pool is making progress. */
export const QUEUE_MAX_WAIT_MS = 20_000
/** Queued requests per pooled connection before new ones are refused at once (503). */
export const QUEUE_PER_CONNECTION = 100

const UNAVAILABLE = 'timeout exceeded when trying to connect'

/**
 * 'query': one statement (pool.query, which Prisma uses for every query outside a transaction).
 * 'hold': a client kept for several statements (a transaction, or dbPool().connect() in bulk work).
 */
export type CheckoutKind = 'query' | 'hold'

interface Waiter {
  kind: CheckoutKind
  since: number
  resolve: () => void
  reject: (err: Error) => void
}

/**
 * Counts checked-out connections and queues requests for them, failing the queue on a stall.
 * Held clients may take all but a reserve of the connections: code that holds a client and runs a
 * single query through `db` meanwhile (an import updating its job row) would otherwise deadlock the
 * pool once every connection is held that way.
 */
export class ConnectionGate {
  private active = 0
  private holds = 0
  private readonly maxHolds: number
  private readonly queue: Waiter[] = []
  private lastProgress = Date.now()
  private timer: NodeJS.Timeout | undefined

  constructor(
    readonly size: number,
    private readonly stallMs: number,
    private readonly maxWaitMs = QUEUE_MAX_WAIT_MS,
    private readonly maxQueue = size * QUEUE_PER_CONNECTION,
  ) {
    this.maxHolds = Math.max(1, size - Math.max(1, Math.floor(size / 5)))
  }

  get stats() {
    return { active: this.active, holds: this.holds, queued: this.queue.length }
  }

  private canRun(kind: CheckoutKind) {
    return this.active < this.size && (kind === 'query' || this.holds < this.maxHolds)
  }

  private take(kind: CheckoutKind) {
    this.active++
    if (kind === 'hold') this.holds++
  }

  /** Resolves when a connection may be checked out; the caller must call release(kind) exactly once. */
  acquire(kind: CheckoutKind = 'query'): Promise<void> {
    // After every release the queue holds only waiters that cannot run yet (held-client requests
    // over their share when connections are free), so a request that can run now takes its turn.
    if (this.canRun(kind)) {
      this.take(kind)
      return Promise.resolve()
    }
    if (this.queue.length >= this.maxQueue) return Promise.reject(unavailable('the queue for a database connection is full'))
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ kind, since: Date.now(), resolve, reject })
      this.watch()
    })
  }

  /** A connection was handed out: the database is answering. */
  progress() {
    this.lastProgress = Date.now()
  }

  release(kind: CheckoutKind = 'query') {
    this.active--
    if (kind === 'hold') this.holds--
    // First come, first served, except that a held-client request over its share lets queries pass.
    for (let i = 0; i < this.queue.length && this.active < this.size; ) {
      const w = this.queue[i]
      if (!this.canRun(w.kind)) {
        i++
        continue
      }
      this.queue.splice(i, 1)
      this.take(w.kind)
      w.resolve()
    }
    if (!this.queue.length) this.unwatch()
  }

  private watch() {
    if (this.timer) return
    const tick = Math.max(50, Math.min(250, Math.floor(this.stallMs / 10)))
    this.timer = setInterval(() => this.expire(), tick)
    this.timer.unref()
  }

  private unwatch() {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
  }

  private expire() {
    const now = Date.now()
    // A waiter gives up when nothing has been checked out for a whole connect timeout since it
    // joined (the database is gone or stuck), or after QUEUE_MAX_WAIT_MS in all.
    const expired = this.queue.filter((w) => now - Math.max(w.since, this.lastProgress) >= this.stallMs || now - w.since >= this.maxWaitMs)
    if (expired.length) {
      const gone = new Set(expired)
      this.queue.splice(0, this.queue.length, ...this.queue.filter((w) => !gone.has(w)))
      for (const w of expired) w.reject(unavailable(UNAVAILABLE))
    }
    if (!this.queue.length) this.unwatch()
  }
}

function unavailable(message: string): Error {
  // The message matches lib/errors.ts isDatabaseUnavailable(): the API answers 503 with Retry-After.
  return Object.assign(new Error(message.startsWith(UNAVAILABLE) ? message : `${UNAVAILABLE}: ${message}`), { code: 'ETIMEDOUT' })
}

const ambient = new AsyncLocalStorage<Prisma.TransactionClient>()

type ConnectCallback = (err: Error | undefined, client?: pg.PoolClient, done?: (release?: unknown) => void) => void

/** Puts `gate` in front of `pool.connect` (which pool.query and the Prisma adapter both use). */
export function gatePool(pool: pg.Pool, gate: ConnectionGate): pg.Pool {
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>
  async function gated(kind: CheckoutKind): Promise<pg.PoolClient> {
    await gate.acquire(kind)
    let client: pg.PoolClient
    try {
      client = await connect()
    } catch (err) {
      gate.release(kind)
      throw err
    }
    gate.progress()
    const release = client.release.bind(client)
    let released = false
    client.release = (err?: Error | boolean) => {
      if (!released) {
        released = true
        gate.release(kind)
      }
      return release(err)
    }
    return client
  }
  // pg's own pool.query() calls connect with a callback, for one statement; everything else
  // (Prisma's transactions, dbPool().connect()) calls it without one and holds the client. A client
  // taken inside an ambient transaction (withTransaction) is a second one for the same request: it
  // may use the reserve, or requests that each hold one and want another could deadlock.
  const patched = (cb?: ConnectCallback) => {
    if (!cb) return gated(ambient.getStore() ? 'query' : 'hold')
    gated('query').then(
      (client) => cb(undefined, client, (err?: unknown) => client.release(err as Error)),
      (err: Error) => cb(err),
    )
    return undefined
  }
  ;(pool as unknown as { connect: typeof patched }).connect = patched
  return pool
}

function createClient() {
  const env = getEnv()
  const pool = createPool(databaseUrlOrThrow())
  const gate = new ConnectionGate(env.PACELINE_DB_POOL_MAX, env.PACELINE_DB_CONNECT_TIMEOUT_MS)
  gatePool(pool, gate)
  // An interactive transaction waits in the same queue as a query: Prisma's maxWait must not cut it
  // shorter than the gate does (the gate answers first, with 503, when the database is gone).
  const client = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: { maxWait: QUEUE_MAX_WAIT_MS + 1_000 } })
  return {
    client,
    pool,
    gate,
    close: async () => {
      await client.$disconnect().catch(() => {})
      await pool.end().catch(() => {})
    },
  }
}

type Holder = ReturnType<typeof createClient>
const globalForDb = globalThis as unknown as { __pacelineDb?: Holder }

function holder(): Holder {
  if (!globalForDb.__pacelineDb) globalForDb.__pacelineDb = createClient()
  return globalForDb.__pacelineDb
}

// An ambient transaction: inside withTransaction(tx, fn), `db` is that transaction, and a nested
// db.$transaction(fn) joins it instead of opening a second one. lib/idempotency.ts uses it so that
// an API write and the response stored under its Idempotency-Key commit together or not at all.

/** Runs fn with `db` bound to `tx` (see above). */
export function withTransaction<T>(tx: Prisma.TransactionClient, fn: () => Promise<T>): Promise<T> {
  return ambient.run(tx, fn)
}

function joinAmbient(tx: Prisma.TransactionClient) {
  return async (arg: unknown) => {
    if (typeof arg === 'function') return (arg as (t: Prisma.TransactionClient) => Promise<unknown>)(tx)
    // A batch, one query after the other: a transaction has one connection (Prisma's queries are
    // lazy, so each starts when awaited).
    const results: unknown[] = []
    for (const query of arg as Promise<unknown>[]) results.push(await query)
    return results
  }
}

/** The Prisma client (lazy: importing this module does not connect). */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const tx = ambient.getStore() as unknown as Record<string | symbol, unknown> | undefined
    if (tx) {
      if (prop === '$transaction') return joinAmbient(tx as unknown as Prisma.TransactionClient)
      const value = tx[prop]
      if (value !== undefined) return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(tx) : value
    }
    const client = holder().client as unknown as Record<string | symbol, unknown>
    const value = client[prop]
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(client) : value
  },
})

/** The raw pg pool behind `db` (behind the same queue), for health checks and bulk work. */
export function dbPool() {
  return holder().pool
}

/** Connections in use and requests waiting for one, in this process. */
export function dbQueueStats() {
  return holder().gate.stats
}

export function dbBackend(): 'embedded' | 'external' {
  return getEnv().PACELINE_DB_BACKEND ?? 'external'
}

/** Closes the pool (scripts and tests that switch databases). */
export async function disconnectDb(): Promise<void> {
  const h = globalForDb.__pacelineDb
  globalForDb.__pacelineDb = undefined
  if (h) await h.close()
}
