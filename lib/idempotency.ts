import 'server-only'
import { createHash } from 'node:crypto'
import { db } from '@/lib/db'
import { json } from '@/lib/api'
import { ConflictError, ValidationError } from '@/lib/errors'

// Optional `Idempotency-Key` header on API POSTs that create things. The first request with a key
// claims it (a row with status null), runs, and stores its successful response; a repeat of the
// same request (same user, same path, same body) within 24 h gets that response again without a
// second write, marked `Idempotent-Replayed: true`. The same key with a different body is refused.
// A failed first request releases its key, so a retry with the same key runs again.

export const IDEMPOTENCY_HEADER = 'idempotency-key'
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000
/** How long a duplicate waits for the first request to finish before getting 409. */
const WAIT_FOR_FIRST_MS = 15_000
/** A claim older than this without a stored response belongs to a crashed request and may be retaken. */
const ABANDONED_AFTER_MS = 120_000
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/

type Row = { id: bigint; requestHash: string; status: number | null; body: unknown; location: string | null; createdAt: Date; expiresAt: Date }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

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
    const claimed = await db.$queryRaw<Array<{ id: bigint }>>`
      INSERT INTO "IdempotencyKey" ("userId", "scope", "key", "requestHash", "expiresAt")
      VALUES (${user.id}, ${scope}, ${key}, ${requestHash}, ${new Date(Date.now() + IDEMPOTENCY_TTL_MS)})
      ON CONFLICT ("userId", "scope", "key") DO NOTHING
      RETURNING "id"`
    if (claimed.length === 1) return runClaimed(claimed[0].id, run)

    const [row] = await db.$queryRaw<Row[]>`
      SELECT "id", "requestHash", "status", "body", "location", "createdAt", "expiresAt"
      FROM "IdempotencyKey" WHERE "userId" = ${user.id} AND "scope" = ${scope} AND "key" = ${key}`
    if (!row) continue // released by a failed first request between our insert and select: claim again
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
    if (Date.now() - started > WAIT_FOR_FIRST_MS) {
      throw new ConflictError('A request with this Idempotency-Key is still being processed. Retry in a moment to get its result.')
    }
    await sleep(50)
  }
}

async function runClaimed(id: bigint, run: () => Promise<Response>): Promise<Response> {
  // Now and then, drop expired keys (indexed on expiresAt, so this is cheap).
  if (Math.random() < 0.02) await db.$executeRaw`DELETE FROM "IdempotencyKey" WHERE "expiresAt" < now()`.catch(() => {})
  let response: Response
  try {
    response = await run()
  } catch (err) {
    await release(id)
    throw err
  }
  if (response.status < 200 || response.status >= 300) {
    await release(id)
    return response
  }
  let body: unknown = null
  try {
    body = await response.clone().json()
  } catch {
    body = null
  }
  await db.$executeRaw`
    UPDATE "IdempotencyKey" SET "status" = ${response.status}, "body" = ${JSON.stringify(body)}::jsonb, "location" = ${response.headers.get('location')}
    WHERE "id" = ${id}`
  return response
}

async function release(id: bigint) {
  await db.$executeRaw`DELETE FROM "IdempotencyKey" WHERE "id" = ${id}`.catch(() => {})
}
