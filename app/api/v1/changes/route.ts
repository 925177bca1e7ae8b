import { handle, json, methodsNotAllowed } from '@/lib/api'
import { readJson, searchParams } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { recordModelChange } from '@/lib/models/mutations'
import { getChange, listChanges } from '@/lib/models/queries'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  return handle(async () => json({ changes: await listChanges(await requireApiUser(request), searchParams(request)) }))
}

export async function POST(request: Request) {
  return handle(async () => {
    const user = await requireApiUser(request)
    const created = await recordModelChange(user, await readJson(request))
    return json({ ...(await getChange(user, created.id)), flagged: created.flagged }, { status: 201, headers: { Location: `/api/v1/changes/${created.id}` } })
  })
}

export const { PUT, PATCH, DELETE } = methodsNotAllowed('GET', 'POST')
