import { handle, json, methodsNotAllowed } from '@/lib/api'
import { readJson } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { listTeamChoices, saveTeamAliases } from '@/lib/intake/jobs'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  return handle(async () => json({ teams: await listTeamChoices(await requireApiUser(request)) }))
}

/** {"aliases":[{"source","alias","team"}]}: source names -> Paceline teams, used by every later import. */
export async function POST(request: Request) {
  return handle(async () => {
    const user = await requireApiUser(request)
    return json(await saveTeamAliases(user, await readJson(request)))
  })
}

export const { PUT, PATCH, DELETE } = methodsNotAllowed('GET', 'POST')
