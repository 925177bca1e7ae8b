import { handle, json, methodsNotAllowed } from '@/lib/api'
import { readJson, searchParams } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { z } from 'zod'
import { parseInput } from '@/lib/action-result'
import { recordSkillValidation } from '@/lib/models/mutations'
import { getSkill } from '@/lib/models/queries'

export const dynamic = 'force-dynamic'

/** ?skill=<slug>: the validation records of one skill. */
export async function GET(request: Request) {
  return handle(async () => {
    const user = await requireApiUser(request)
    const { skill } = parseInput(z.object({ skill: z.string().min(1).max(120) }), searchParams(request))
    const s = await getSkill(user, skill)
    return json({ skill: s.slug, validations: s.records })
  })
}

/** { skill, modelVersionId, result, notes?, validatedOn? } */
export async function POST(request: Request) {
  return handle(async () => {
    const user = await requireApiUser(request)
    const body = (await readJson(request)) as Record<string, unknown>
    const { skill } = parseInput(z.object({ skill: z.string().min(1).max(120) }), body)
    return json(await recordSkillValidation(user, skill, body), { status: 201 })
  })
}

export const { PUT, PATCH, DELETE } = methodsNotAllowed('GET', 'POST')
