import 'server-only'
import { db } from '@/lib/db'
import type { ModelChangeStatus, ModelStatus, TaskStatus } from '@/lib/generated/prisma/enums'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { NotFoundError } from '@/lib/errors'
import { evaluateGates, incidentWindows, type Gate } from '@/lib/models/gates'
import { changeProgress, nextStage, ratePer100, type StageKey } from '@/lib/models/rules'
import { listChangesQuerySchema, listTasksQuerySchema } from '@/lib/models/schemas'

// Reads of the model-change domain, as DTOs (models.view: everyone signed in).

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)
const dayOf = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null)
const modelRef = (m: { id: string; label: string; snapshot: string; vendor: string; status: string } | null) => (m ? { id: m.id, label: m.label, snapshot: m.snapshot, vendor: m.vendor, status: m.status } : null)

/** models.view. The registry: every model version with who uses it (default/allowed) and its changes. */
export async function listModels(user: SessionUser) {
  assertCan(user, 'models.view')
  const models = await db.modelVersion.findMany({
    orderBy: [{ releasedOn: 'desc' }, { snapshot: 'asc' }],
    include: { assignments: { include: { cohort: { select: { id: true, name: true, stage: true } }, team: { select: { id: true, name: true } } } } },
  })
  return models.map((m) => ({
    id: m.id, vendor: m.vendor, family: m.family, label: m.label, snapshot: m.snapshot, releasedOn: dayOf(m.releasedOn), status: m.status, version: m.version,
    usedBy: m.assignments.map((a) => ({ assignmentId: a.id, use: a.use, cohort: a.cohort ? { id: a.cohort.id, name: a.cohort.name, stage: a.cohort.stage } : null, team: a.team ? { id: a.team.id, name: a.team.name } : null }))
      .sort((a, b) => (a.use === b.use ? 0 : a.use === 'DEFAULT' ? -1 : 1)),
  }))
}
export type ModelView = Awaited<ReturnType<typeof listModels>>[number]

/**
 * models.view. The overview's "models in use": every model that is not retired with how many
 * cohorts and teams use it by default (counts, not the assignments: a large organisation has
 * hundreds).
 */
export async function listModelsInUse(user: SessionUser) {
  assertCan(user, 'models.view')
  const [models, defaults] = await Promise.all([
    db.modelVersion.findMany({ where: { status: { not: 'RETIRED' } }, orderBy: [{ releasedOn: 'desc' }, { snapshot: 'asc' }], select: { id: true, label: true, snapshot: true, status: true } }),
    db.modelAssignment.groupBy({ by: ['modelVersionId'], where: { use: 'DEFAULT' }, _count: { _all: true } }),
  ])
  const count = new Map(defaults.map((d) => [d.modelVersionId, d._count._all]))
  return models.map((m) => ({ ...m, defaultUses: count.get(m.id) ?? 0 }))
}

/** models.view. Cohorts and teams to pick from when assigning models. */
export async function listAssignables(user: SessionUser) {
  assertCan(user, 'models.view')
  const [cohorts, teams] = await Promise.all([
    db.cohort.findMany({ where: { active: true }, select: { id: true, name: true, stage: true }, orderBy: [{ stage: 'asc' }, { name: 'asc' }] }),
    db.team.findMany({ select: { id: true, name: true, slug: true }, orderBy: { name: 'asc' } }),
  ])
  return { cohorts, teams }
}

async function tasksOf(changeIds: string[]) {
  return db.revalidationTask.findMany({
    where: { changeId: { in: changeIds } },
    include: { owner: { select: { id: true, name: true } }, module: { select: { slug: true, title: true } }, skill: { select: { slug: true, title: true } } },
    orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }],
  })
}

function taskView(t: Awaited<ReturnType<typeof tasksOf>>[number]) {
  return {
    id: t.id, changeId: t.changeId, type: t.moduleId ? ('module' as const) : ('skill' as const),
    item: t.module ? { slug: t.module.slug, title: t.module.title, href: `/training/${t.module.slug}` } : { slug: t.skill!.slug, title: t.skill!.title, href: `/models/skills/${t.skill!.slug}` },
    owner: { id: t.owner.id, name: t.owner.name }, dueOn: dayOf(t.dueOn)!, status: t.status, outcome: t.outcome, notes: t.notes, closedReason: t.closedReason, closedAt: iso(t.closedAt), version: t.version,
  }
}
export type TaskView = ReturnType<typeof taskView>

/** models.view. The feed / timeline of changes, newest first, each with stage and progress. */
export async function listChanges(user: SessionUser, raw: unknown = {}) {
  assertCan(user, 'models.view')
  const q = parseInput(listChangesQuerySchema, raw)
  // Two statements: the changes with their models, author and live switches; then task counts per
  // change, status and owner (a change can have thousands of tasks).
  const changes = await db.$queryRaw<ChangeRow[]>`
    SELECT c.id, c.status::text AS status, c."plannedOn", c.reason, c.scope::text[] AS scope, c."currentStage"::text AS "currentStage",
           c."createdAt", c."startedAt", c."completedAt", c."rolledBackAt", c."rollbackReason", c.source, c.version, u.name AS "createdBy",
           f.id AS "fromId", f.label AS "fromLabel", f.snapshot AS "fromSnapshot", f.vendor AS "fromVendor", f.status::text AS "fromStatus",
           t.id AS "toId", t.label AS "toLabel", t.snapshot AS "toSnapshot", t.vendor AS "toVendor", t.status::text AS "toStatus",
           (SELECT count(*) FROM "ModelChangeSwitch" s WHERE s."changeId" = c.id AND s."revertedAt" IS NULL)::int AS "switchedCohorts"
      FROM "ModelChangeEvent" c
      JOIN "ModelVersion" t ON t.id = c."toModelId"
      LEFT JOIN "ModelVersion" f ON f.id = c."fromModelId"
      LEFT JOIN "User" u ON u.id = c."createdById"
     WHERE ${q.status ?? null}::text IS NULL OR c.status::text = ${q.status ?? null}::text
     ORDER BY c."plannedOn" DESC, c."createdAt" DESC
     LIMIT 200`
  const counts = changes.length
    ? await db.$queryRaw<Array<{ changeId: string; status: TaskStatus; ownerId: string; ownerName: string; count: number }>>`
        SELECT r."changeId", r.status::text AS status, r."ownerId", o.name AS "ownerName", count(*)::int AS count
          FROM "RevalidationTask" r JOIN "User" o ON o.id = r."ownerId"
         WHERE r."changeId" = ANY(${changes.map((c) => c.id)}::uuid[])
         GROUP BY r."changeId", r.status, r."ownerId", o.name`
    : []
  const model = (p: 'from' | 'to', c: ChangeRow) =>
    c[`${p}Id`] ? { id: c[`${p}Id`]!, label: c[`${p}Label`]!, snapshot: c[`${p}Snapshot`]!, vendor: c[`${p}Vendor`]!, status: c[`${p}Status`]! } : null
  return changes.map((c) => {
    const mine = counts.filter((t) => t.changeId === c.id).map((t) => ({ status: t.status, ownerId: t.ownerId, ownerName: t.ownerName, count: t.count }))
    const scope = c.scope as StageKey[]
    return {
      id: c.id, status: c.status, from: model('from', c), to: model('to', c)!, plannedOn: dayOf(c.plannedOn)!, reason: c.reason,
      scope, currentStage: c.currentStage, nextStage: c.status === 'PLANNED' ? nextStage(scope, null) : c.status === 'IN_PROGRESS' ? nextStage(scope, c.currentStage) : null,
      createdBy: c.createdBy, createdAt: iso(c.createdAt)!, startedAt: iso(c.startedAt), completedAt: iso(c.completedAt), rolledBackAt: iso(c.rolledBackAt), rollbackReason: c.rollbackReason, source: c.source, version: c.version,
      switchedCohorts: c.switchedCohorts,
      progress: changeProgress(mine),
    }
  })
}

interface ChangeRow {
  id: string
  status: ModelChangeStatus
  plannedOn: Date
  reason: string
  scope: string[]
  currentStage: StageKey | null
  createdAt: Date
  startedAt: Date | null
  completedAt: Date | null
  rolledBackAt: Date | null
  rollbackReason: string | null
  source: string | null
  version: number
  createdBy: string | null
  fromId: string | null; fromLabel: string | null; fromSnapshot: string | null; fromVendor: string | null; fromStatus: ModelStatus | null
  toId: string; toLabel: string; toSnapshot: string; toVendor: string; toStatus: ModelStatus
  switchedCohorts: number
}
export type ChangeSummary = Awaited<ReturnType<typeof listChanges>>[number]

/** models.view. One change: tasks, progress, next gates, and the incident trend of switched cohorts. */
export async function getChange(user: SessionUser, id: string) {
  assertCan(user, 'models.view')
  const all = await listChangesById(user, id)
  const tasks = (await tasksOf([id])).map(taskView)
  const open = all.status === 'PLANNED' || all.status === 'IN_PROGRESS'
  const gates: Gate[] = open ? await db.$transaction((tx) => evaluateGates(tx, id, all.nextStage)) : []
  const w = await db.$transaction((tx) => incidentWindows(tx, id))
  const cohorts = await db.modelChangeSwitch.findMany({ where: { changeId: id }, include: { cohort: { select: { name: true } } }, orderBy: { switchedAt: 'asc' } })
  return {
    ...all, tasks, gates,
    switches: cohorts.map((s) => ({ cohort: s.cohort.name, stage: s.stage, switchedAt: iso(s.switchedAt)!, revertedAt: iso(s.revertedAt) })),
    trend: w ? { switchedOn: dayOf(w.switchedOn)!, before: { ...w.before, ratePer100: ratePer100(w.before) }, after: { ...w.after, ratePer100: ratePer100(w.after) } } : null,
  }
}

async function listChangesById(user: SessionUser, id: string) {
  const found = (await listChanges(user)).find((c) => c.id === id)
  if (!found) {
    const exists = await db.modelChangeEvent.findUnique({ where: { id }, select: { id: true } }).catch(() => null)
    if (!exists) throw new NotFoundError('No such model change.')
  }
  return found!
}

/** models.view. Re-validation tasks: by change, or the caller's own queue (`mine`). */
export async function listTasks(user: SessionUser, raw: unknown = {}) {
  assertCan(user, 'models.view')
  const q = parseInput(listTasksQuerySchema, raw)
  const rows = await db.revalidationTask.findMany({
    where: { ...(q.changeId ? { changeId: q.changeId } : {}), ...(q.mine === 'true' ? { ownerId: user.id } : {}), ...(q.status ? { status: q.status } : {}) },
    include: { owner: { select: { id: true, name: true } }, module: { select: { slug: true, title: true } }, skill: { select: { slug: true, title: true } }, change: { include: { fromModel: true, toModel: true } } },
    orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }],
    take: 1000,
  })
  return rows.map((t) => ({ ...taskView(t), change: { id: t.changeId, status: t.change.status, from: modelRef(t.change.fromModel), to: modelRef(t.change.toModel)! } }))
}
export type QueueTaskView = Awaited<ReturnType<typeof listTasks>>[number]

/** models.view. One task. */
export async function getTask(user: SessionUser, id: string) {
  assertCan(user, 'models.view')
  const t = await db.revalidationTask.findUnique({ where: { id }, select: { changeId: true } })
  if (!t) throw new NotFoundError('No such re-validation task.')
  return (await listTasks(user, { changeId: t.changeId })).find((x) => x.id === id)!
}

/** models.view. The skills & prompt library, with the snapshots each was last validated on. */
export async function listSkills(user: SessionUser, q: { search?: string; tag?: string; ownerId?: string } = {}) {
  assertCan(user, 'models.view')
  const rows = await db.skill.findMany({
    where: {
      ...(q.search ? { OR: [{ title: { contains: q.search, mode: 'insensitive' } }, { purpose: { contains: q.search, mode: 'insensitive' } }] } : {}),
      ...(q.tag ? { tags: { has: q.tag.toLowerCase() } } : {}),
      ...(q.ownerId && /^[0-9a-f-]{36}$/i.test(q.ownerId) ? { ownerId: q.ownerId } : {}),
    },
    include: { owner: { select: { id: true, name: true } }, validations: { include: { modelVersion: true }, orderBy: { createdAt: 'desc' } }, tasks: { where: { status: { in: ['OPEN', 'UPDATING'] } }, select: { id: true } } },
    orderBy: [{ status: 'asc' }, { title: 'asc' }],
  })
  return rows.map((s) => {
    const latest = new Map<string, { snapshot: string; label: string; result: string; on: string }>()
    for (const v of s.validations) if (v.skillRevision === s.revision && !latest.has(v.modelVersion.snapshot)) latest.set(v.modelVersion.snapshot, { snapshot: v.modelVersion.snapshot, label: v.modelVersion.label, result: v.result, on: dayOf(v.validatedOn)! })
    return { id: s.id, slug: s.slug, title: s.title, kind: s.kind, purpose: s.purpose, tags: s.tags, status: s.status, owner: s.owner, revision: s.revision, version: s.version, latest: [...latest.values()], needsRevalidation: s.tasks.length > 0 }
  })
}
export type SkillSummary = Awaited<ReturnType<typeof listSkills>>[number]

/** models.view. One skill with its validation records and a side-by-side comparison per model. */
export async function getSkill(user: SessionUser, slug: string) {
  assertCan(user, 'models.view')
  const s = await db.skill.findUnique({
    where: { slug },
    include: { owner: { select: { id: true, name: true } }, validations: { include: { modelVersion: true, validatedBy: { select: { name: true } } }, orderBy: [{ validatedOn: 'desc' }, { createdAt: 'desc' }] }, tasks: { where: { status: { in: ['OPEN', 'UPDATING'] } }, include: { change: { include: { toModel: true } } } } },
  })
  if (!s) throw new NotFoundError('No such skill.')
  const records = s.validations.map((v) => ({
    id: v.id, model: modelRef(v.modelVersion)!, result: v.result, notes: v.notes, validatedOn: dayOf(v.validatedOn)!, by: v.validatedBy?.name ?? null, revision: v.skillRevision, source: v.source, passed: v.passed, total: v.total, evalId: v.evalId,
  }))
  // Side by side: one column per model snapshot, its latest record (and pass rate from imports).
  const columns = new Map<string, { model: ReturnType<typeof modelRef>; latest: (typeof records)[number]; records: number; passRate: number | null }>()
  for (const r of records) {
    const c = columns.get(r.model.snapshot)
    if (!c) columns.set(r.model.snapshot, { model: r.model, latest: r, records: 1, passRate: r.total ? r.passed! / r.total : null })
    else c.records++
  }
  return {
    id: s.id, slug: s.slug, title: s.title, kind: s.kind, purpose: s.purpose, body: s.body, tags: s.tags, status: s.status, owner: s.owner, revision: s.revision, version: s.version,
    records, compare: [...columns.values()],
    openTasks: s.tasks.map((t) => ({ id: t.id, to: t.change.toModel.snapshot, dueOn: dayOf(t.dueOn)! })),
  }
}
export type SkillDetail = Awaited<ReturnType<typeof getSkill>>

/** The notice readers of a training module see while a model change re-checks it (null: none). */
export async function getModuleChangeNotice(moduleIdOrSlug: string): Promise<{ changeId: string; from: { label: string; snapshot: string }; to: { label: string; snapshot: string }; dueOn: string; text: string } | null> {
  const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(moduleIdOrSlug)
  const t = await db.revalidationTask.findFirst({
    where: { status: { in: ['OPEN', 'UPDATING'] }, change: { status: { in: ['PLANNED', 'IN_PROGRESS'] } }, module: isId ? { id: moduleIdOrSlug } : { slug: moduleIdOrSlug } },
    include: { change: { include: { fromModel: true, toModel: true } } },
    orderBy: { createdAt: 'desc' },
  })
  if (!t || !t.change.fromModel) return null
  const from = { label: t.change.fromModel.label, snapshot: t.change.fromModel.snapshot }
  const to = { label: t.change.toModel.label, snapshot: t.change.toModel.snapshot }
  return { changeId: t.changeId, from, to, dueOn: dayOf(t.dueOn)!, text: `Validated on ${from.label} (${from.snapshot}); being re-checked for ${to.label} (${to.snapshot}).` }
}

/** models.view. Daily model use per team from Copilot imports (team totals only). */
export async function listModelUsage(user: SessionUser, days = 28) {
  assertCan(user, 'models.view')
  const since = new Date(Date.now() - days * 86_400_000)
  const rows = await db.modelUsageDay.findMany({ where: { day: { gte: since } }, include: { team: { select: { name: true } } }, orderBy: [{ day: 'asc' }, { model: 'asc' }] })
  return rows.map((r) => ({ team: r.team.name, teamId: r.teamId, day: dayOf(r.day)!, model: r.model, interactions: r.interactions }))
}

/**
 * models.view. Team model use on the `days` most recent days that imported reports cover (not
 * calendar days: reports arrive late and in batches), newest first. Read in SQL: an organisation
 * of hundreds of teams imports a row per team, day and model, and only these days are shown.
 */
export async function listRecentModelUsage(user: SessionUser, days: number) {
  assertCan(user, 'models.view')
  const rows = await db.$queryRaw<Array<{ teamId: string; team: string; day: Date; model: string; interactions: number }>>`
    SELECT u."teamId", t.name AS team, u.day, u.model, u.interactions
      FROM "ModelUsageDay" u JOIN "Team" t ON t.id = u."teamId"
     WHERE u.day >= (SELECT min(day) FROM (SELECT DISTINCT day FROM "ModelUsageDay" ORDER BY day DESC LIMIT ${days}) recent)
     ORDER BY u.day DESC, t.name, u.model`
  return rows.map((r) => ({ team: r.team, teamId: r.teamId, day: dayOf(r.day)!, model: r.model, interactions: r.interactions }))
}

/** models.view. People who may own skills (experts, leaders, admins), for the owner picker and filter. */
export async function listSkillOwners(user: SessionUser) {
  assertCan(user, 'models.view')
  return db.user.findMany({ where: { active: true, role: { in: ['EXPERT', 'LEADER', 'ADMIN'] } }, select: { id: true, name: true }, orderBy: { name: 'asc' } })
}

/** models.view. Every tag in the library, for the filter. */
export async function listSkillTags(user: SessionUser) {
  assertCan(user, 'models.view')
  const rows = await db.skill.findMany({ select: { tags: true } })
  return [...new Set(rows.flatMap((r) => r.tags))].sort()
}
