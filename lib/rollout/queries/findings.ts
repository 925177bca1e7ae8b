import 'server-only'
import { db } from '@/lib/db'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { findingQuerySchema } from '@/lib/rollout/schemas'

export interface FindingView {
  id: string
  title: string
  body: string
  severity: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL'
  status: 'OPEN' | 'ADDRESSED' | 'WONT_FIX'
  phaseId: string | null
  phase: string | null
  cohortId: string | null
  author: string | null
  owner: string | null
  ownerId: string | null
  resolution: string | null
  modules: Array<{ slug: string; title: string }>
  version: number
  createdAt: string
  updatedAt: string
}

const SEVERITY_ORDER = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 } as const

/** rollout.view. Findings, open and most severe first. */
export async function listFindings(user: SessionUser, raw: Record<string, unknown> = {}): Promise<FindingView[]> {
  assertCan(user, 'rollout.view')
  const q = parseInput(findingQuerySchema, raw)
  const rows = await db.finding.findMany({
    where: { ...(q.phaseId ? { phaseId: q.phaseId } : {}), ...(q.status ? { status: q.status } : {}), ...(q.severity ? { severity: q.severity } : {}) },
    orderBy: { createdAt: 'desc' },
    take: 500,
    select: {
      id: true, title: true, body: true, severity: true, status: true, phaseId: true, cohortId: true, resolution: true, version: true, createdAt: true, updatedAt: true, ownerId: true,
      phase: { select: { name: true } }, author: { select: { name: true } }, owner: { select: { name: true } },
      trainingLinks: { select: { module: { select: { slug: true, title: true } } } },
    },
  })
  return rows
    .map((f) => ({
      id: f.id, title: f.title, body: f.body, severity: f.severity, status: f.status, phaseId: f.phaseId, phase: f.phase?.name ?? null, cohortId: f.cohortId,
      author: f.author?.name ?? null, owner: f.owner?.name ?? null, ownerId: f.ownerId, resolution: f.resolution,
      modules: f.trainingLinks.map((l) => l.module), version: f.version, createdAt: f.createdAt.toISOString(), updatedAt: f.updatedAt.toISOString(),
    }))
    .sort((a, b) => Number(a.status !== 'OPEN') - Number(b.status !== 'OPEN') || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
}

/** rollout.view. One finding. */
export async function getFinding(user: SessionUser, id: string): Promise<FindingView | null> {
  assertCan(user, 'rollout.view')
  const all = await db.finding.findUnique({ where: { id }, select: { phaseId: true } })
  if (!all) return null
  return (await listFindings(user, all.phaseId ? { phaseId: all.phaseId } : {})).find((f) => f.id === id) ?? null
}

/** rollout.view. People who can own a finding: experts (role or selected), leaders, admins. */
export async function listFindingOwners(user: SessionUser): Promise<Array<{ id: string; name: string }>> {
  assertCan(user, 'rollout.view')
  return db.user.findMany({
    where: { active: true, OR: [{ role: { in: ['EXPERT', 'LEADER', 'ADMIN'] } }, { cohortMemberships: { some: { leftOn: null, cohort: { stage: 'EXPERTS', active: true } } } }] },
    orderBy: { name: 'asc' },
    take: 1000,
    select: { id: true, name: true },
  })
}
