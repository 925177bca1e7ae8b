import { handle, json, NO_STORE, methodsNotAllowed } from '@/lib/api'
import { can } from '@/lib/auth/permissions'
import { requireApiUser } from '@/lib/auth/session'
import { ForbiddenError, isAppError } from '@/lib/errors'
import { runImport } from '@/lib/intake/import-job'
import { listImportJobs } from '@/lib/intake/jobs'
import { actorOf, importRequestFrom } from '@/lib/intake/upload'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  return handle(async () => json({ items: await listImportJobs(await requireApiUser(request)) }))
}

/**
 * Imports the file in the body (?kind=&format=&validOnly=&debtLabel=&debtType=&fileName=).
 * With `Accept: application/x-ndjson` the response streams {"type":"progress"} lines and ends
 * with {"type":"result"} or {"type":"error"}; otherwise it is the result as JSON.
 */
export async function POST(request: Request) {
  return handle(async () => {
    const user = await requireApiUser(request)
    // Refuse before reading (and parsing) an upload of up to many MB; the kind's own permission is checked again.
    if (!can(user, 'outcomes.import') && !can(user, 'budget.edit')) throw new ForbiddenError()
    const req = await importRequestFrom(request)
    const actor = actorOf(user)
    if (!(request.headers.get('accept') ?? '').includes('application/x-ndjson')) {
      const outcome = await runImport(actor, req)
      return json(outcome, { status: outcome.status === 'INVALID' ? 422 : 200 })
    }
    const encoder = new TextEncoder()
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (o: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(o)}\n`))
        send({ type: 'progress', phase: 'validating', processed: 0, total: 0 })
        try {
          const outcome = await runImport(actor, req, (processed, total) => send({ type: 'progress', phase: 'writing', processed, total }))
          send({ type: 'result', ...outcome })
        } catch (err) {
          if (isAppError(err)) send({ type: 'error', error: { code: err.code, message: err.message, ...(err.fieldErrors ? { fields: err.fieldErrors } : {}) } })
          else {
            console.error('[intake] import failed', err)
            send({ type: 'error', error: { code: 'INTERNAL', message: 'Something went wrong on our side. It has been logged.' } })
          }
        }
        controller.close()
      },
    })
    return new Response(stream, { headers: { ...NO_STORE, 'Content-Type': 'application/x-ndjson; charset=utf-8', 'X-Accel-Buffering': 'no' } })
  })
}

export const { PUT, PATCH, DELETE } = methodsNotAllowed('GET', 'POST')
