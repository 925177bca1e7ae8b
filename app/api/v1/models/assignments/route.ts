import { handle, json, methodsNotAllowed } from '@/lib/api'
import { readJson } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { assignModel } from '@/lib/models/mutations'

export const dynamic = 'force-dynamic'

export async function POST(request: Request) {
  return handle(async () => json(await assignModel(await requireApiUser(request), await readJson(request)), { status: 201 }))
}

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed('POST')
