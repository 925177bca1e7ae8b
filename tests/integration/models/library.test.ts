import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/auth/session'
import { createSkill, recordSkillValidation, updateModelVersion, updateSkill } from '@/lib/models/mutations'
import { listSkillOwners, listSkills, listSkillTags } from '@/lib/models/queries'
import { createWebhook, listWebhooks } from '@/lib/webhooks/endpoints'
import { makeUser } from '@/tests/support/people'

// What the skills, registry and webhooks pages rely on: filters, optimistic locking, permissions.

let expert: SessionUser
let expert2: SessionUser
let dev: SessionUser
let leader: SessionUser
let modelId: string

beforeAll(async () => {
  expert = await makeUser('lib-expert@example.com', 'EXPERT')
  expert2 = await makeUser('lib-expert2@example.com', 'EXPERT')
  dev = await makeUser('lib-dev@example.com', 'DEVELOPER')
  leader = await makeUser('lib-leader@example.com', 'LEADER')
  modelId = (await db.modelVersion.create({ data: { vendor: 'Acme', family: 'Acme Coder', label: 'Coder 2', snapshot: 'acme-coder-2-20260301', status: 'APPROVED' } })).id
})

describe('skills library', () => {
  it('filters by search, tag and owner and shows the latest result per snapshot of the current revision', async () => {
    const a = await createSkill(expert, { title: 'Flaky test hunter', kind: 'PROMPT', purpose: 'Find why a test is flaky before retrying it.', body: 'Look at timing.', tags: ['Testing', 'ci'] })
    await createSkill(expert2, { title: 'Schema reviewer', kind: 'SKILL', purpose: 'Review a database migration for locks.', body: 'Check locks.', tags: ['database'] })
    await recordSkillValidation(expert, a.slug, { modelVersionId: modelId, result: 'WORSE', validatedOn: '2026-01-10' })
    await recordSkillValidation(expert, a.slug, { modelVersionId: modelId, result: 'BETTER', validatedOn: '2026-02-10' })

    expect((await listSkills(dev, { tag: 'TESTING' })).map((s) => s.slug)).toEqual([a.slug])
    expect((await listSkills(dev, { search: 'migration' })).map((s) => s.title)).toEqual(['Schema reviewer'])
    expect((await listSkills(dev, { ownerId: expert2.id })).map((s) => s.title)).toEqual(['Schema reviewer'])
    expect((await listSkills(dev, { ownerId: 'not-a-uuid' })).length).toBe(2)
    const [row] = await listSkills(dev, { tag: 'ci' })
    expect(row.latest).toEqual([expect.objectContaining({ snapshot: 'acme-coder-2-20260301', result: 'BETTER' })])
    expect(await listSkillTags(dev)).toEqual(['ci', 'database', 'testing'])
    expect((await listSkillOwners(dev)).map((o) => o.id)).not.toContain(dev.id)
  })

  it('edits with optimistic locking: the later save is a conflict, a new text starts a new revision', async () => {
    const s = await createSkill(expert, { title: 'Commit splitter', kind: 'SKILL', purpose: 'Split a change into small commits.', body: 'v1', tags: [] })
    const first = await updateSkill(expert, s.slug, { version: s.version, body: 'v2' })
    expect(first.revision).toBe(2)
    await expect(updateSkill(leader, s.slug, { version: s.version, body: 'v2 from leader' })).rejects.toMatchObject({ code: 'CONFLICT' })
    await expect(updateSkill(expert2, s.slug, { version: first.version, purpose: 'Someone else edits this skill.' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(updateSkill(dev, s.slug, { version: first.version, body: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect((await db.skill.findUniqueOrThrow({ where: { slug: s.slug } })).body).toBe('v2')
  })
})

describe('registry and webhooks permissions', () => {
  it('model status: developers may not change it, a stale version is a conflict', async () => {
    const m = await db.modelVersion.findUniqueOrThrow({ where: { id: modelId } })
    await expect(updateModelVersion(dev, modelId, { version: m.version, status: 'DEFAULT' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await updateModelVersion(leader, modelId, { version: m.version, status: 'DEFAULT' })
    await expect(updateModelVersion(expert, modelId, { version: m.version, status: 'RETIRED' })).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it('webhooks are for admins only and never return the secret', async () => {
    const admin = await makeUser('lib-admin@example.com', 'ADMIN')
    await expect(createWebhook(leader, { name: 'Chat', url: 'https://hooks.example.com/x', secret: 'a-secret-of-enough-length' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(listWebhooks(dev)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await createWebhook(admin, { name: 'Chat', url: 'https://hooks.example.com/x', secret: 'a-secret-of-enough-length' })
    const hooks = await listWebhooks(admin)
    expect(JSON.stringify(hooks)).not.toContain('a-secret-of-enough-length')
  })
})
