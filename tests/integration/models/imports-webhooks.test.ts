import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/auth/session'
import { assignModel, createSkill, recordModelChange } from '@/lib/models/mutations'
import { importCopilotUsage, importPromptfoo } from '@/lib/models/imports'
import { getSkill, listRecentModelUsage } from '@/lib/models/queries'
import { createWebhook, listDeliveries } from '@/lib/webhooks/endpoints'
import { processOutbox, setBackoffBase } from '@/lib/webhooks/outbox'
import { verifySignature } from '@/lib/webhooks/sign'
import { markNotificationsRead } from '@/lib/notifications/mutations'
import { listNotifications, unreadCount } from '@/lib/notifications/queries'
import { makeUser } from '@/tests/support/people'

let expert: SessionUser
let leader: SessionUser
let admin: SessionUser
const OLD = 'claude-sonnet-4-6-20260301'
const NEW = 'claude-opus-4-7-20260915'
let oldId: string
let newId: string

beforeAll(async () => {
  expert = await makeUser('expert@example.com', 'EXPERT')
  leader = await makeUser('leader@example.com', 'LEADER')
  admin = await makeUser('admin@example.com', 'ADMIN')
  oldId = (await db.modelVersion.create({ data: { vendor: 'Anthropic', family: 'Claude Sonnet', label: 'Sonnet 4.6', snapshot: OLD, status: 'DEFAULT' } })).id
  newId = (await db.modelVersion.create({ data: { vendor: 'Anthropic', family: 'Claude Opus', label: 'Opus 4.7', snapshot: NEW, status: 'EVALUATING' } })).id
})

function promptfooFile(version: number, results: unknown[]) {
  return JSON.stringify({ evalId: 'eval-abc-2026', results: { version, timestamp: '2026-11-01T10:00:00Z', prompts: [], results, stats: { successes: 0, failures: 0 } }, config: {} })
}
const res = (provider: string, success: boolean, testIdx: number) => ({ provider: { id: provider, label: provider }, success, score: success ? 1 : 0, testIdx, promptIdx: 0, vars: {}, response: { output: 'x' } })

describe('promptfoo import', () => {
  it('attaches pass rates per exact snapshot, reports unknown providers, is idempotent', async () => {
    const s = await createSkill(expert, { title: 'Bug triage prompt', kind: 'PROMPT', purpose: 'Triage a bug report into a reproducible case.', body: 'Given the report...' })
    const file = promptfooFile(3, [
      res(`anthropic:messages:${OLD}`, true, 0), res(`anthropic:messages:${OLD}`, true, 1), res(`anthropic:messages:${OLD}`, true, 2), res(`anthropic:messages:${OLD}`, false, 3),
      res(`anthropic:messages:${NEW}`, true, 0), res(`anthropic:messages:${NEW}`, false, 1), res(`anthropic:messages:${NEW}`, false, 2), res(`anthropic:messages:${NEW}`, false, 3),
      res('openai:gpt-4o', true, 0),
    ])
    const out = await importPromptfoo(expert, s.slug, file)
    expect(out.imported).toEqual([
      { snapshot: NEW, passed: 1, total: 4, passRate: 0.25, result: 'WORSE' },
      { snapshot: OLD, passed: 3, total: 4, passRate: 0.75, result: 'BETTER' },
    ])
    expect(out.rowErrors).toEqual([expect.objectContaining({ line: 9, column: 'provider.id', reason: expect.stringMatching(/not a registered exact model snapshot/) })])
    const again = await importPromptfoo(expert, s.slug, file)
    expect(again).toMatchObject({ imported: [], alreadyImported: 2 })
    const detail = await getSkill(expert, s.slug)
    expect(detail.compare.map((c) => [c.model!.snapshot, c.passRate])).toEqual(expect.arrayContaining([[OLD, 0.75], [NEW, 0.25]]))
    // Older v2 files are read too.
    const v2 = await importPromptfoo(expert, s.slug, JSON.stringify({ results: { version: 2, results: [res(OLD, true, 0)], table: {} } }))
    expect(v2.formatVersion).toBe(2)
  })

  it('refuses malformed or foreign files with a clear error and stores nothing', async () => {
    const s = await createSkill(expert, { title: 'Release notes prompt', kind: 'PROMPT', purpose: 'Write release notes from merged pull requests.', body: 'Summarise...' })
    await expect(importPromptfoo(expert, s.slug, '{not json')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/not a JSON file/) })
    await expect(importPromptfoo(expert, s.slug, '{"incidents": []}')).rejects.toMatchObject({ message: expect.stringMatching(/not a promptfoo results file/) })
    await expect(importPromptfoo(expert, s.slug, promptfooFile(9, [res(OLD, true, 0)]))).rejects.toMatchObject({ message: expect.stringMatching(/Unsupported promptfoo results version 9/) })
    await expect(importPromptfoo(expert, s.slug, promptfooFile(3, [res('openai:gpt-4o', true, 0)]))).rejects.toMatchObject({ message: expect.stringMatching(/nothing was imported/) })
    const dev = await makeUser('dev1@example.com', 'DEVELOPER')
    await expect(importPromptfoo(dev, s.slug, promptfooFile(3, [res(OLD, true, 0)]))).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await db.skillValidation.count({ where: { skillId: s.id } })).toBe(0)
  })
})

describe('Copilot usage import', () => {
  it('aggregates to teams of 5+, drops logins, proposes unknown models and main-model shifts', async () => {
    const big = await db.team.create({ data: { slug: 'big', name: 'Big team', size: 8 } })
    const small = await db.team.create({ data: { slug: 'small', name: 'Small team', size: 3 } })
    for (let i = 0; i < 6; i++) await makeUser(`bigdev${i}@example.com`, 'DEVELOPER', big.id)
    for (let i = 0; i < 3; i++) await makeUser(`smalldev${i}@example.com`, 'DEVELOPER', small.id)
    const line = (login: string, dayStr: string, model: string) => JSON.stringify({
      user_id: 1000 + login.length, user_login: login, day: dayStr, enterprise_id: '1',
      totals_by_language_model: [{ language: 'typescript', model, code_generation_activity_count: 3, code_acceptance_activity_count: 1 }],
      totals_by_model_feature: [{ model, feature: 'chat_panel_agent_mode', user_initiated_interaction_count: 4, code_generation_activity_count: 3 }],
    })
    const rows: string[] = []
    for (let i = 0; i < 6; i++) rows.push(line(`bigdev${i}`, '2026-11-01', 'claude-sonnet-4.6'), line(`bigdev${i}`, '2026-11-02', 'claude-opus-4.7'), line(`bigdev${i}`, '2026-11-03', 'gemini-3-pro'))
    for (let i = 0; i < 3; i++) rows.push(line(`smalldev${i}`, '2026-11-01', 'claude-sonnet-4.6'))
    rows.push('not json', JSON.stringify({ something: 'else' }))
    const out = await importCopilotUsage(leader, rows.join('\n'))
    expect(out.suppressedTeamDays).toBe(1)
    expect(out.rowErrors.map((e) => e.line)).toEqual([22, 23])
    const stored = await db.modelUsageDay.findMany({ orderBy: [{ day: 'asc' }] })
    expect(new Set(stored.map((r) => r.teamId))).toEqual(new Set([big.id]))
    expect(stored[0]).toMatchObject({ model: 'claude-sonnet-4.6', interactions: 24, teamActive: 6 })
    // No login or user id reaches the database.
    const big2 = (_k: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)
    const dump = JSON.stringify(await db.modelUsageDay.findMany(), big2) + JSON.stringify(await db.auditLog.findMany(), big2)
    expect(dump).not.toMatch(/bigdev|smalldev|1007/)
    const proposed = await db.modelChangeEvent.findMany({ where: { status: 'PROPOSED' }, include: { toModel: true, fromModel: true } })
    // gemini-3-pro is unknown to the registry; the team's main model shifted from Sonnet 4.6 to Opus 4.7.
    expect(proposed.map((p) => [p.fromModel?.snapshot ?? null, p.toModel.snapshot]).sort()).toEqual([[null, 'gemini-3-pro'], [OLD, NEW]])
    expect(proposed.every((p) => p.source === 'copilot-import')).toBe(true)
    expect(await db.notification.count({ where: { userId: leader.id, kind: 'model-change.proposed' } })).toBe(2)
    await expect(importCopilotUsage(expert, rows.join('\n'))).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(importCopilotUsage(leader, '{"a":1}\n{"b":2}')).rejects.toMatchObject({ message: expect.stringMatching(/not a GitHub Copilot usage-metrics report/) })

    // Organisation day totals assigned to a team stand for that team: only for 5+ people.
    const totals = JSON.stringify({
      day: '2026-11-05', enterprise_id: '1',
      totals_by_language_model: [{ language: 'go', model: 'claude-sonnet-4.6', code_generation_activity_count: 9 }],
      totals_by_model_feature: [{ model: 'claude-sonnet-4.6', feature: 'code_completion', user_initiated_interaction_count: 11, code_generation_activity_count: 9 }],
    })
    const before = await db.modelUsageDay.count()
    await expect(importCopilotUsage(leader, totals, { teamSlug: 'small' })).rejects.toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { team: [expect.stringMatching(/at least 5 people.*has 3/)] } })
    expect(await db.modelUsageDay.count()).toBe(before)
    await importCopilotUsage(leader, totals, { teamSlug: 'big' })
    expect(await db.modelUsageDay.count({ where: { teamId: big.id, day: new Date('2026-11-05') } })).toBe(1)
  })
})

describe('recent model usage', () => {
  it('reads the most recent days the reports cover, not calendar days, newest first, for every signed-in role', async () => {
    const team = await db.team.create({ data: { slug: 'usage-recent', name: 'Aardvark usage team', size: 9 } })
    // Reports with gaps: 20 report days spread over 60 days, two models on each, after any other test's.
    const reportDays = Array.from({ length: 20 }, (_, i) => new Date(Date.UTC(2031, 0, 1 + i * 3)))
    await db.modelUsageDay.createMany({ data: reportDays.flatMap((day, i) => ['model-a', 'model-b'].map((model) => ({ teamId: team.id, day, model, interactions: i }))) })
    const dev = await makeUser('usage-dev@example.com', 'DEVELOPER')
    const rows = (await listRecentModelUsage(dev, 14)).filter((r) => r.teamId === team.id)
    const days = [...new Set(rows.map((r) => r.day))]
    expect(days).toEqual(reportDays.slice(-14).reverse().map((d) => d.toISOString().slice(0, 10)))
    expect(rows).toHaveLength(28)
    expect(rows[0]).toEqual({ team: 'Aardvark usage team', teamId: team.id, day: '2031-02-27', model: 'model-a', interactions: 19 })
    expect(rows.some((r) => r.interactions < 6)).toBe(false)
  })
})

describe('webhooks and notifications', () => {
  let server: http.Server
  const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = []
  let failFirst = 1
  let attempts = 0
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = ''
      req.on('data', (c) => (body += c))
      req.on('end', () => {
        attempts++
        if (failFirst-- > 0) { res.statusCode = 503; res.end('busy'); return }
        received.push({ headers: req.headers, body })
        res.end('ok')
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  it('refuses non-http(s) URLs and non-admins', async () => {
    await expect(createWebhook(admin, { name: 'Files', url: 'file:///etc/passwd', secret: 'x'.repeat(20) })).rejects.toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { url: ['Only http:// and https:// URLs are allowed.'] } })
    await expect(createWebhook(admin, { name: 'JS', url: 'javascript:alert(1)', secret: 'x'.repeat(20) })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(createWebhook(leader, { name: 'Chat', url: 'https://chat.example.com/hook', secret: 'x'.repeat(20) })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('announces a change with a signed Slack-compatible payload, retrying with backoff', async () => {
    const secret = 'a-long-shared-secret-1234'
    const port = (server.address() as AddressInfo).port
    await createWebhook(admin, { name: 'Team chat', url: `http://127.0.0.1:${port}/hook`, secret })
    const cohort = await db.cohort.create({ data: { name: 'Experts', stage: 'EXPERTS' } })
    await db.cohortMembership.create({ data: { cohortId: cohort.id, userId: expert.id, joinedOn: new Date('2026-01-01') } })
    await assignModel(leader, { modelVersionId: oldId, cohortId: cohort.id, use: 'DEFAULT' })
    setBackoffBase(50)
    const started = Date.now()
    const change = await recordModelChange(expert, { fromModelId: oldId, toModelId: newId, plannedOn: '2030-05-01', reason: 'Try Opus on the experts first.', scope: ['EXPERTS'] })
    // The request returned before any delivery was attempted (the outbox works after it).
    expect((await listDeliveries(admin))[0]).toMatchObject({ status: 'PENDING', attempts: 0 })
    // The server's worker (kicked after the commit) sends it: first a 503, then a retry after the backoff.
    for (let i = 0; i < 100 && (await listDeliveries(admin))[0].status !== 'DELIVERED'; i++) {
      await new Promise((r) => setTimeout(r, 50))
      await processOutbox()
    }
    expect((await listDeliveries(admin))[0]).toMatchObject({ status: 'DELIVERED', attempts: 2, lastStatusCode: 200, lastError: null })
    expect(attempts).toBe(2)
    expect(Date.now() - started).toBeGreaterThanOrEqual(50)
    expect(received).toHaveLength(1)
    const { headers, body } = received[0]
    const payload = JSON.parse(body)
    expect(payload.text).toMatch(/Sonnet 4\.6 .* → Opus 4\.7/)
    expect(payload.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } })
    expect(payload.paceline).toMatchObject({ event: 'model_change.recorded', data: { changeId: change.id } })
    expect(verifySignature(secret, String(headers['x-paceline-signature']), body, Math.floor(Date.now() / 1000))).toBe(true)
    expect(verifySignature('wrong-secret-wrong-secret', String(headers['x-paceline-signature']), body, Math.floor(Date.now() / 1000))).toBe(false)
    expect(String(headers['x-paceline-timestamp'])).toMatch(/^\d{10}$/)
  })

  it('notifications: unread count, mark read only for oneself', async () => {
    const n = await unreadCount(expert.id)
    expect(n).toBeGreaterThan(0)
    const list = await listNotifications(expert)
    const other = await listNotifications(leader)
    // Marking someone else's notification changes nothing.
    if (other.length) expect((await markNotificationsRead(expert, { ids: [other[0].id] })).updated).toBe(0)
    expect((await markNotificationsRead(expert, { ids: [list[0].id] })).updated).toBe(1)
    expect(await unreadCount(expert.id)).toBe(n - 1)
    await markNotificationsRead(expert, { all: true })
    expect(await unreadCount(expert.id)).toBe(0)
  })
})
