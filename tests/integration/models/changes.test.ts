import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/auth/session'
import { approveModule, createModule, publishModule, saveDraft, submitForReview } from '@/lib/training/mutations'
import { advanceModelChange, assignModel, cancelModelChange, createSkill, recordModelChange, recordSkillValidation, resolveTask, rollbackModelChange, updateTask } from '@/lib/models/mutations'
import { getChange, getModuleChangeNotice, listTasks } from '@/lib/models/queries'
import { makeUser } from '@/tests/support/people'

let owner: SessionUser // expert, owns modules and skills
let reviewer: SessionUser // second expert
let other: SessionUser // a third expert who owns nothing
let leader: SessionUser
let dev: SessionUser
let pilotDev: SessionUser
const m: Record<'old' | 'neu' | 'third', string> = { old: '', neu: '', third: '' }
let expertsCohort: string
let pilotCohort: string
let pilotTeam: string

const BODY = '## Steps\n\n1. Describe the task plainly.\n2. Review the diff before committing.\n'

async function publish(title: string, modelIds: string[], stagePath?: 'EXPERTS' | 'PILOT') {
  const { slug } = await createModule(owner, { title, summary: `How to ${title.toLowerCase()} with the assistant.`, kind: 'TASK_WALKTHROUGH', body: BODY, validatedModelIds: modelIds })
  let v = (await db.trainingModule.findUniqueOrThrow({ where: { slug } })).version
  v = (await submitForReview(owner, slug, { version: v })).version
  v = (await approveModule(reviewer, slug, { version: v })).version
  await publishModule(reviewer, slug, { version: v, changelog: 'First version' })
  const mod = await db.trainingModule.findUniqueOrThrow({ where: { slug } })
  if (stagePath) {
    const path = await db.learningPath.upsert({ where: { stage: stagePath }, create: { stage: stagePath, title: `${stagePath} path` }, update: {} })
    const n = await db.learningPathItem.count({ where: { pathId: path.id } })
    await db.learningPathItem.create({ data: { pathId: path.id, moduleId: mod.id, position: n + 1 } })
  }
  return mod
}

beforeAll(async () => {
  const team = await db.team.create({ data: { slug: 'payments', name: 'Payments', size: 10 } })
  pilotTeam = team.id
  owner = await makeUser('owner@example.com', 'EXPERT')
  reviewer = await makeUser('reviewer@example.com', 'EXPERT')
  other = await makeUser('other@example.com', 'EXPERT')
  leader = await makeUser('leader@example.com', 'LEADER')
  dev = await makeUser('dev@example.com', 'DEVELOPER')
  pilotDev = await makeUser('pilot.dev@example.com', 'DEVELOPER', team.id)
  m.old = (await db.modelVersion.create({ data: { vendor: 'Anthropic', family: 'Claude Sonnet', label: 'Sonnet 4.6', snapshot: 'claude-sonnet-4-6-20260301', status: 'DEFAULT' } })).id
  m.neu = (await db.modelVersion.create({ data: { vendor: 'Anthropic', family: 'Claude Opus', label: 'Opus 4.7', snapshot: 'claude-opus-4-7-20260915', status: 'EVALUATING' } })).id
  m.third = (await db.modelVersion.create({ data: { vendor: 'OpenAI', family: 'GPT', label: 'GPT-5.1', snapshot: 'gpt-5.1-2025-11-13', status: 'APPROVED' } })).id
  expertsCohort = (await db.cohort.create({ data: { name: 'Experts', stage: 'EXPERTS' } })).id
  pilotCohort = (await db.cohort.create({ data: { name: 'Pilot 1', stage: 'PILOT' } })).id
  await db.cohortMembership.create({ data: { cohortId: expertsCohort, userId: owner.id, joinedOn: new Date('2026-01-01') } })
  await db.cohortMembership.create({ data: { cohortId: pilotCohort, teamId: team.id, joinedOn: new Date('2026-01-01') } })
  await assignModel(leader, { modelVersionId: m.old, cohortId: expertsCohort, use: 'DEFAULT' })
  await assignModel(leader, { modelVersionId: m.old, cohortId: pilotCohort, use: 'DEFAULT' })
})

describe('recording a change: impact, tasks, notifications', () => {
  let changeId: string
  let version: number
  const slugs: Record<string, string> = {}

  it('flags exactly the items validated on the old model and not on the new one', async () => {
    slugs.onlyOld = (await publish('Fix a flaky test', [m.old], 'EXPERTS')).slug
    slugs.both = (await publish('Write a migration', [m.old, m.neu])).slug
    slugs.otherModel = (await publish('Review a pull request', [m.third])).slug
    slugs.none = (await publish('Pair on a spike', [])).slug
    slugs.pilotPath = (await publish('Refactor a legacy module', [m.old, m.third], 'PILOT')).slug
    // A module whose *latest* version moved off the old model is not flagged.
    const moved = await publish('Explain a stack trace', [m.old])
    let v = (await saveDraft(owner, moved.slug, { version: moved.version, validatedModelIds: [m.third] })).version
    v = (await submitForReview(owner, moved.slug, { version: v })).version
    v = (await approveModule(reviewer, moved.slug, { version: v })).version
    await publishModule(reviewer, moved.slug, { version: v, changelog: 'Re-checked on GPT' })

    const s1 = await createSkill(owner, { title: 'Plain task prompt', kind: 'PROMPT', purpose: 'A plain description of the task beats tuned instructions.', body: 'Do X. Then Y.' })
    const s2 = await createSkill(owner, { title: 'Review checklist agent', kind: 'AGENT_INSTRUCTIONS', purpose: 'Instructions for a review agent on our services.', body: 'Check tests.' })
    const s3 = await createSkill(owner, { title: 'Broken on old', kind: 'SKILL', purpose: 'Only ever broken on the old model, so not validated.', body: 'Z' })
    await recordSkillValidation(owner, s1.slug, { modelVersionId: m.old, result: 'SAME' })
    await recordSkillValidation(owner, s2.slug, { modelVersionId: m.old, result: 'BETTER' })
    await recordSkillValidation(owner, s2.slug, { modelVersionId: m.neu, result: 'SAME' })
    await recordSkillValidation(owner, s3.slug, { modelVersionId: m.old, result: 'BROKEN' })
    slugs.s1 = s1.slug

    const before = await db.notification.count()
    const res = await recordModelChange(other, { fromModelId: m.old, toModelId: m.neu, plannedOn: '2030-01-10', reason: 'Opus 4.7 is better on long debugging sessions.', scope: ['EXPERTS', 'PILOT'], dueInDays: 10 })
    expect(res.flagged.map((f) => f.slug).sort()).toEqual([slugs.onlyOld, slugs.pilotPath, s1.slug].sort())
    expect(res.dueOn).toBe('2030-01-20')
    const tasks = await db.revalidationTask.findMany({ where: { changeId: res.id } })
    expect(tasks).toHaveLength(3)
    expect(new Set(tasks.map((t) => t.ownerId))).toEqual(new Set([owner.id]))
    // The owner gets one summary; the pilot team member gets the announcement.
    expect(await db.notification.count({ where: { userId: owner.id, kind: 'revalidation.assigned' } })).toBe(1)
    expect(await db.notification.count({ where: { userId: pilotDev.id, kind: 'model-change.recorded' } })).toBe(1)
    expect(await db.notification.count({ where: { userId: dev.id } })).toBe(0)
    expect(await db.notification.count()).toBeGreaterThan(before)
    expect(await db.auditLog.count({ where: { action: 'models.change.record', entityId: res.id } })).toBe(1)
    changeId = res.id
    version = res.version
  })

  it('shows readers a notice on a flagged module only', async () => {
    expect((await getModuleChangeNotice(slugs.onlyOld))?.text).toBe('Validated on Sonnet 4.6 (claude-sonnet-4-6-20260301); being re-checked for Opus 4.7 (claude-opus-4-7-20260915).')
    expect(await getModuleChangeNotice(slugs.both)).toBeNull()
  })

  it('refuses a change to the same model, from a model nobody uses, and an overlapping open change (409)', async () => {
    const base = { plannedOn: '2030-02-01', reason: 'Trying another model for a while.', scope: ['BROAD'] }
    await expect(recordModelChange(leader, { ...base, fromModelId: m.old, toModelId: m.old })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/same model/) })
    await expect(recordModelChange(leader, { ...base, fromModelId: m.third, toModelId: m.neu, scope: ['PILOT'] })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/No cohort in scope uses/) })
    await expect(recordModelChange(leader, { ...base, fromModelId: m.old, toModelId: m.third, scope: ['PILOT'] })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already covers Pilot cohorts/) })
    await expect(recordModelChange(dev, { ...base, fromModelId: m.old, toModelId: m.third })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(recordModelChange(leader, { ...base, fromModelId: m.old, toModelId: m.third, scope: [] })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })

  it('gates the first stage on its learning path, then switches the experts cohort', async () => {
    const err = await advanceModelChange(leader, changeId, { version }).catch((e) => e)
    expect(err).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringMatching(/1 module\(s\) of the stage's learning path/) })
    const tasks = await listTasks(owner, { mine: 'true', changeId })
    const t = tasks.find((x) => x.item.slug === slugs.onlyOld)!
    // Only the owner or a leader closes a task.
    await expect(resolveTask(other, t.id, { version: t.version, outcome: 'KEEP' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(resolveTask(dev, t.id, { version: t.version, outcome: 'KEEP' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    // Two people on the same task: the later save gets a conflict, nothing is overwritten.
    await updateTask(leader, t.id, { version: t.version, dueOn: '2030-01-25' })
    await expect(resolveTask(owner, t.id, { version: t.version, outcome: 'KEEP' })).rejects.toMatchObject({ code: 'CONFLICT', details: { currentVersion: t.version + 1 } })
    const done = await resolveTask(owner, t.id, { version: t.version + 1, outcome: 'KEEP', notes: 'Ran the walkthrough on Opus: same result.' })
    expect(done).toMatchObject({ status: 'DONE', outcome: 'KEEP' })
    expect(await getModuleChangeNotice(slugs.onlyOld)).toBeNull()
    await expect(resolveTask(owner, t.id, { version: done.version, outcome: 'KEEP' })).rejects.toMatchObject({ code: 'CONFLICT' })

    const res = await advanceModelChange(other, changeId, { version })
    expect(res).toMatchObject({ status: 'IN_PROGRESS', currentStage: 'EXPERTS' })
    version = res.version
    const defaults = await db.modelAssignment.findMany({ where: { use: 'DEFAULT' } })
    expect(defaults.find((a) => a.cohortId === expertsCohort)?.modelVersionId).toBe(m.neu)
    expect(defaults.find((a) => a.cohortId === pilotCohort)?.modelVersionId).toBe(m.old)
  })

  it('the update path: publishing a new version validated on the new model closes the task', async () => {
    const [t] = (await listTasks(owner, { changeId })).filter((x) => x.item.slug === slugs.pilotPath)
    const updating = await resolveTask(owner, t.id, { version: t.version, outcome: 'UPDATE' })
    expect(updating.status).toBe('UPDATING')
    expect(await getModuleChangeNotice(slugs.pilotPath)).not.toBeNull()
    const mod = await db.trainingModule.findUniqueOrThrow({ where: { slug: slugs.pilotPath } })
    let v = (await saveDraft(owner, mod.slug, { version: mod.version, body: `${BODY}\n3. Give the new model less direction.\n`, validatedModelIds: [m.neu] })).version
    v = (await submitForReview(owner, mod.slug, { version: v })).version
    v = (await approveModule(reviewer, mod.slug, { version: v })).version
    await publishModule(reviewer, mod.slug, { version: v, changelog: 'Re-validated on Opus 4.7' })
    const after = await db.revalidationTask.findUniqueOrThrow({ where: { id: t.id } })
    expect(after).toMatchObject({ status: 'DONE', outcome: 'UPDATE', closedReason: 'Version 2 validated on claude-opus-4-7-20260915' })
    expect(await getModuleChangeNotice(slugs.pilotPath)).toBeNull()
  })

  it('incident gate: inconclusive right after the switch; a leader may accept it, an expert may not', async () => {
    const view = await getChange(leader, changeId)
    expect(view.gates.find((g) => g.key === 'incidents')?.state).toBe('inconclusive')
    expect(view.gates.find((g) => g.key === 'revalidation')?.state).toBe('pass')
    await expect(advanceModelChange(other, changeId, { version })).rejects.toMatchObject({ code: 'RULE_VIOLATION' })
    await expect(advanceModelChange(other, changeId, { version, acceptInconclusive: true })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('incident gate: red when high-severity incidents rose for switched cohorts', async () => {
    // The experts cohort switched four months ago; the Platform team joined it.
    const now = new Date()
    const switchedAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 4, 10))
    await db.modelChangeSwitch.updateMany({ where: { changeId }, data: { switchedAt } })
    const platform = await db.team.create({ data: { slug: 'platform', name: 'Platform', size: 10 } })
    await db.cohortMembership.create({ data: { cohortId: expertsCohort, teamId: platform.id, joinedOn: new Date('2026-01-02') } })
    const month = (offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 15))
    let n = 0
    const incident = (at: Date) => db.incident.create({ data: { source: 'test', externalId: `i-${n++}`, title: 'Outage', severity: 'SEV1', teamId: platform.id, startedAt: at } })
    for (const off of [-8, -6]) await incident(month(off)) // 2 before in 6 months
    for (const off of [-3, -3, -2, -2, -1, -1]) await incident(month(off)) // 6 after in 3 months
    const view = await getChange(leader, changeId)
    expect(view.trend).toMatchObject({ before: { highSeverity: 2, developerMonths: 60 }, after: { highSeverity: 6, developerMonths: 30, months: 3 } })
    expect(view.gates.find((g) => g.key === 'incidents')?.state).toBe('fail')
    await expect(advanceModelChange(leader, changeId, { version, acceptInconclusive: true })).rejects.toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringMatching(/rose/) })
  })

  it('rollback: cohorts return to the previous default, open tasks close as not needed with the reason', async () => {
    await expect(rollbackModelChange(dev, changeId, { version, reason: 'Worse on our services.' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(rollbackModelChange(leader, changeId, { version: version - 1, reason: 'Worse on our services.' })).rejects.toMatchObject({ code: 'CONFLICT' })
    const res = await rollbackModelChange(leader, changeId, { version, reason: 'High-severity incidents rose for the experts.' })
    expect(res).toMatchObject({ status: 'ROLLED_BACK', cohortsReverted: 1, tasksClosed: 1 })
    const def = await db.modelAssignment.findFirst({ where: { cohortId: expertsCohort, use: 'DEFAULT' } })
    expect(def?.modelVersionId).toBe(m.old)
    expect(await db.modelAssignment.count({ where: { cohortId: expertsCohort, modelVersionId: m.neu } })).toBe(0)
    const skillTask = await db.revalidationTask.findFirstOrThrow({ where: { changeId, skill: { slug: slugs.s1 } } })
    expect(skillTask).toMatchObject({ status: 'NOT_NEEDED', closedReason: 'Not needed: the change was rolled back (High-severity incidents rose for the experts.)' })
    // Closed tasks stay closed (DONE ones keep their outcome).
    expect(await db.revalidationTask.count({ where: { changeId, status: 'DONE' } })).toBe(2)
    expect(await db.auditLog.count({ where: { action: 'models.change.rollback' } })).toBe(1)
    expect(await db.notification.count({ where: { userId: owner.id, kind: 'model-change.rolled-back' } })).toBe(1)
    // A new change can now cover the same cohorts again.
    const again = await recordModelChange(leader, { fromModelId: m.old, toModelId: m.third, plannedOn: '2030-03-01', reason: 'Trying GPT-5.1 instead.', scope: ['PILOT'] })
    await cancelModelChange(leader, again.id, { version: again.version, reason: 'Not now.' })
  })
})
