import 'server-only'
import { createHash } from 'node:crypto'
import { db, withTransaction } from '@/lib/db'
import { json } from '@/lib/api'
import { ConflictError, ValidationError } from '@/lib/errors'

// Optional `Idempotency-Key` header on API POSTs that create things. The first request with a key
// claims it and runs in ONE transaction with its write and the stored response, so the key and the
// write commit together or not at all: a failure (or the database going away mid-request) leaves
// no key behind, and a retry with the same key runs again; a success can never be written twice.
// A repeat of the same request (same user, same path, same body) within 24 h gets the stored
// response again without a second write, marked `Idempotent-Replayed: true`. A repeat that arrives
// while the first is still running waits for it (on the key's row lock). The same key with a
// different body is refused. Writes that bypass Prisma (dbPool()) are not in that transaction.

export const IDEMPOTENCY_HEADER = 'idempotency-key'
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000
/** How long a duplicate waits for the first request to finish before getting 409. */
const WAIT_FOR_FIRST_MS = 15_000
/** Longest run of a claimed request (its transaction's timeout). */
const RUN_TIMEOUT_MS = 60_000
/** Claims written without a response by earlier versions (not committed that way any more) are stale after this. */
const ABANDONED_AFTER_MS = 120_000
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/

type Row = { id: bigint; requestHash: string; status: number | null; body: unknown; location: string | null; createdAt: Date; expiresAt: Date }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Thrown inside the claim's transaction to roll it back and still answer with `response`. */
class Unsuccessful {
  constructor(readonly response: Response) {}
}

const isLockTimeout = (err: unknown) => /55P03|lock timeout/i.test(String((err as { message?: unknown })?.message ?? ''))

/**
 * Runs `run` at most once per (user, method and path, Idempotency-Key). Without the header it just
 * runs. Call it after authentication, around the part that reads the body and writes.
 */
export async function idempotent(request: Request, user: { id: string }, run: () => Promise<Response>): Promise<Response> {
  const key = request.headers.get(IDEMPOTENCY_HEADER)
  if (key === null) return run()
  if (!KEY_PATTERN.test(key)) {
    throw new ValidationError('The Idempotency-Key header must be 1 to 255 visible ASCII characters (a UUID is a good choice).', {
      'Idempotency-Key': ['1 to 255 visible ASCII characters'],
    })
  }
  const scope = `${request.method} ${new URL(request.url).pathname}`
  const requestHash = createHash('sha256').update(await request.clone().text()).digest('hex')
  const started = Date.now()

  for (;;) {
    const [row] = await db.$queryRaw<Row[]>`
      SELECT "id", "requestHash", "status", "body", "location", "createdAt", "expiresAt"
      FROM "IdempotencyKey" WHERE "userId" = ${user.id} AND "scope" = ${scope} AND "key" = ${key}`
    if (row) {
      const abandoned = row.status === null && Date.now() - row.createdAt.getTime() > ABANDONED_AFTER_MS
      if (row.expiresAt.getTime() <= Date.now() || abandoned) {
        await db.$executeRaw`DELETE FROM "IdempotencyKey" WHERE "id" = ${row.id} AND "createdAt" = ${row.createdAt}`
        continue
      }
      if (row.requestHash !== requestHash) {
        throw new ValidationError(
          'This Idempotency-Key was already used for a different request body. Use a new key for a new request.',
          { 'Idempotency-Key': ['already used with a different body'] },
        )
      }
      if (row.status !== null) {
        return json(row.body, {
          status: row.status,
          headers: { 'Idempotent-Replayed': 'true', ...(row.location ? { Location: row.location } : {}) },
        })
      }
      if (Date.now() - started > WAIT_FOR_FIRST_MS) throw stillRunning()
      await sleep(50)
      continue
    }
    const response = await claimAndRun(user.id, scope, key, requestHash, run)
    if (response) return response
    // Someone else holds or has just stored this key: read it again.
  }
}

function stillRunning() {
  return new ConflictError('A request with this Idempotency-Key is still being processed. Retry in a moment to get its result.')
}

async function claimAndRun(userId: string, scope: string, key: string, requestHash: string, run: () => Promise<Response>): Promise<Response | null> {
  // Now and then, drop expired keys (indexed on expiresAt, so this is cheap).
  if (Math.random() < 0.02) await db.$executeRaw`DELETE FROM "IdempotencyKey" WHERE "expiresAt" < now()`.catch(() => {})
  try {
    return await db.$transaction(
      async (tx) => {
        // A concurrent first request holds the key's row lock until it commits or rolls back: wait
        // for it, within bounds.
        await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${WAIT_FOR_FIRST_MS}ms'`)
        const claimed = await tx.$queryRaw<Array<{ id: bigint }>>`
          INSERT INTO "IdempotencyKey" ("userId", "scope", "key", "requestHash", "expiresAt")
          VALUES (${userId}, ${scope}, ${key}, ${requestHash}, ${new Date(Date.now() + IDEMPOTENCY_TTL_MS)})
          ON CONFLICT ("userId", "scope", "key") DO NOTHING
          RETURNING "id"`
        if (claimed.length === 0) return null
        const response = await withTransaction(tx, run)
        if (response.status < 200 || response.status >= 300) throw new Unsuccessful(response)
        let body: unknown = null
        try {
          body = await response.clone().json()
        } catch {
          body = null
        }
        await tx.$executeRaw`
          UPDATE "IdempotencyKey" SET "status" = ${response.status}, "body" = ${JSON.stringify(body)}::jsonb, "location" = ${response.headers.get('location')}
          WHERE "id" = ${claimed[0].id}`
        return response
      },
      { timeout: RUN_TIMEOUT_MS },
    )
  } catch (err) {
    if (err instanceof Unsuccessful) return err.response
    if (isLockTimeout(err)) throw stillRunning()
    throw err
  }
}
