import { handle, json, methodsNotAllowed } from '@/lib/api'
import { idempotent } from '@/lib/idempotency'
import { readJson, searchParams } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { findingForApi, findingsForApi } from '@/lib/rollout/api'
import { createFinding } from '@/lib/rollout/mutations'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  return handle(async () => json(await findingsForApi(await requireApiUser(request), searchParams(request))))
}

export async function POST(request: Request) {
  return handle(async () => {
    const user = await requireApiUser(request)
    return idempotent(request, user, async () => {
      const created = await createFinding(user, (await readJson(request)) as never)
      return json(await findingForApi(user, created.id), { status: 201, headers: { Location: `/api/v1/findings/${created.id}` } })
    })
  })
}

export const { PUT, PATCH, DELETE } = methodsNotAllowed('GET', 'POST')
