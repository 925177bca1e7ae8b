import { handle, json, methodsNotAllowed } from '@/lib/api'
import { readJson, searchParams } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { createSkill } from '@/lib/models/mutations'
import { getSkill, listSkills } from '@/lib/models/queries'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  return handle(async () => {
    const q = searchParams(request)
    return json({ skills: await listSkills(await requireApiUser(request), { search: q.q?.slice(0, 100), tag: q.tag?.slice(0, 40) }) })
  })
}

export async function POST(request: Request) {
  return handle(async () => {
    const user = await requireApiUser(request)
    const created = await createSkill(user, await readJson(request))
    return json(await getSkill(user, created.slug), { status: 201, headers: { Location: `/api/v1/skills/${created.slug}` } })
  })
}

export const { PUT, PATCH, DELETE } = methodsNotAllowed('GET', 'POST')
