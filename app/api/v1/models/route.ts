import { handle, json, methodsNotAllowed } from '@/lib/api'
import { readJson } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { createModelVersion } from '@/lib/models/mutations'
import { listModels } from '@/lib/models/queries'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  return handle(async () => json({ models: await listModels(await requireApiUser(request)) }))
}

export async function POST(request: Request) {
  return handle(async () => {
    const user = await requireApiUser(request)
    const created = await createModelVersion(user, await readJson(request))
    const model = (await listModels(user)).find((m) => m.id === created.id)
    return json(model, { status: 201, headers: { Location: `/api/v1/models/${created.id}` } })
  })
}

export const { PUT, PATCH, DELETE } = methodsNotAllowed('GET', 'POST')
