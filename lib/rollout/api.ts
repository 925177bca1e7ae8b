import 'server-only'
import { z } from 'zod'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { NotFoundError } from '@/lib/errors'
import { gateQuerySchema } from '@/lib/rollout/schemas'
import { evaluateGate, getFinding, getPlan, listCohorts, listFindings, listTeams, teamFlags } from '@/lib/rollout/queries'

// REST shapes of the rollout planner: the same lib calls as the pages, wrapped for /api/v1.

export async function teamsForApi(user: SessionUser) {
  const { teams, cycles } = await listTeams(user)
  const flags = await teamFlags(user, teams)
  return {
    items: teams.map((t) => ({ ...t, flags: flags.get(t.id) ? { mandateWithoutTraining: flags.get(t.id)!.mandateWithoutTraining, burnoutRisk: flags.get(t.id)!.burnout } : null })),
    total: teams.length,
    cycles,
  }
}

export async function cohortsForApi(user: SessionUser, params: Record<string, string>) {
  const q = parseInput(z.object({ active: z.enum(['true', 'false']).optional(), stage: z.enum(['EXPERTS', 'PILOT', 'BROAD']).optional() }), params)
  const items = await listCohorts(user, { active: q.active === undefined ? undefined : q.active === 'true', stage: q.stage })
  return { items, total: items.length }
}

export async function phasesForApi(user: SessionUser) {
  const plan = await getPlan(user)
  if (!plan) return { plan: null, items: [], total: 0, warnings: [] }
  const { phases, warnings, ...rest } = plan
  return { plan: rest, items: phases, total: phases.length, warnings }
}

export async function gateForApi(user: SessionUser, params: Record<string, string>) {
  const q = parseInput(gateQuerySchema.required({ cohortId: true }), params)
  return evaluateGate(user, { cohortId: q.cohortId, teamId: q.teamId })
}

export async function findingsForApi(user: SessionUser, params: Record<string, string>) {
  const items = await listFindings(user, params)
  return { items, total: items.length }
}

export async function findingForApi(user: SessionUser, id: string) {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError('No such finding.')
  const f = await getFinding(user, id)
  if (!f) throw new NotFoundError('No such finding.')
  return f
}
