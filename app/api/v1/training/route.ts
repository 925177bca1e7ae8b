import { handle, json, methodsNotAllowed } from '@/lib/api'
import { idempotent } from '@/lib/idempotency'
import { readJson, searchParams } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { listForApi } from '@/lib/training/api'
import { createModule } from '@/lib/training/mutations'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  return handle(async () => json(await listForApi(await requireApiUser(request), searchParams(request))))
}

export async function POST(request: Request) {
  return handle(async () => {
    const user = await requireApiUser(request)
    return idempotent(request, user, async () => {
      const created = await createModule(user, (await readJson(request)) as never)
      return json(created, { status: 201, headers: { Location: `/api/v1/training/${created.slug}` } })
    })
  })
}

export const { PUT, PATCH, DELETE } = methodsNotAllowed('GET', 'POST')
