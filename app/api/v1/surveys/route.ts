import { handle, json, methodsNotAllowed } from '@/lib/api'
import { readJson } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { scheduleSurvey } from '@/lib/surveys/mutations'
import { listSurveys } from '@/lib/surveys/queries'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  return handle(async () => json(await listSurveys(await requireApiUser(request))))
}

export async function POST(request: Request) {
  return handle(async () => {
    const user = await requireApiUser(request)
    const created = await scheduleSurvey(user, (await readJson(request)) as never)
    return json(created, { status: 201, headers: { Location: `/api/v1/surveys/${created.id}` } })
  })
}

export const { PUT, PATCH, DELETE } = methodsNotAllowed('GET', 'POST')
