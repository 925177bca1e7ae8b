import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/auth/session'
import { ingestRecords, listIncidents, listBudget, listTechDebt, listThroughput } from '@/lib/intake/api'
import { previewImport, runImport, type ImportActor } from '@/lib/intake/import-job'
import { saveTeamAliases } from '@/lib/intake/jobs'
import { getSeverityMappings, updateSeverityMapping } from '@/lib/intake/settings'
import { makeUser } from '@/tests/support/people'

const fixture = (name: string) => readFileSync(path.join(__dirname, '../../fixtures/intake', name))
let leader: SessionUser
let dev: SessionUser
let actor: ImportActor

beforeAll(async () => {
  for (const [slug, name] of [['checkout', 'Checkout'], ['payments-core', 'Payments Core'], ['catalogue', 'Catalogue'], ['billing', 'Billing'], ['identity', 'Identity'], ['carrier-integrations', 'Carrier Integrations']]) {
    await db.team.create({ data: { slug, name } })
  }
  leader = await makeUser('leader@example.com', 'LEADER')
  dev = await makeUser('dev@example.com', 'DEVELOPER')
  actor = { id: leader.id, email: leader.email, role: 'LEADER' }
})

describe('file imports', () => {
  it('writes nothing when a row is invalid (unmatched team), and reports it', async () => {
    const out = await runImport(actor, { bytes: fixture('pagerduty-raw-incidents.csv'), kind: 'incidents', fileName: 'pd.csv' })
    expect(out.status).toBe('INVALID')
    expect(out.errors).toEqual([{ line: 6, column: 'team_name', reason: expect.stringContaining('"label-service" is not mapped') }])
    expect(out.unmatchedTeams).toEqual([{ name: 'label-service', rows: 1 }])
    expect(await db.incident.count()).toBe(0)
    const job = await db.importJob.findFirstOrThrow({ orderBy: { createdAt: 'desc' } })
    expect(job).toMatchObject({ status: 'INVALID', errorCount: 1, created: 0 })
  })

  it('"valid rows only" writes the valid ones; a re-import updates and never duplicates', async () => {
    const first = await runImport(actor, { bytes: fixture('pagerduty-raw-incidents.csv'), kind: 'incidents', validOnly: true })
    expect(first).toMatchObject({ status: 'SUCCEEDED', created: 3, updated: 0, errorCount: 1 })
    expect(await db.incident.count()).toBe(3)
    const again = await runImport(actor, { bytes: fixture('pagerduty-raw-incidents.csv'), kind: 'incidents', validOnly: true })
    expect(again).toMatchObject({ created: 0, updated: 3 })
    expect(await db.incident.count()).toBe(3)
    const inc = await db.incident.findUniqueOrThrow({ where: { source_externalId: { source: 'pagerduty', externalId: 'Q1ABCDEF123457' } }, include: { team: true } })
    // An unchanged row is left as it was: no version bump that would turn someone's open edit into a conflict.
    expect(inc).toMatchObject({ severity: 'SEV1', sourceSeverity: 'P2, major', offHourInterruptions: 2, sleepHourInterruptions: 4, version: 0 })
    expect(inc.team?.slug).toBe('payments-core')
    expect(inc.resolvedAt?.toISOString()).toBe('2025-03-06T02:15:31.000Z')
    // A changed row is updated and its version moves.
    const changed = fixture('pagerduty-raw-incidents.csv').toString('utf8').replace('2025-03-06T02:15:31', '2025-03-06T03:15:31')
    const third = await runImport(actor, { bytes: Buffer.from(changed, 'utf8'), kind: 'incidents', validOnly: true })
    expect(third).toMatchObject({ created: 0, updated: 3 })
    const moved = await db.incident.findUniqueOrThrow({ where: { source_externalId: { source: 'pagerduty', externalId: 'Q1ABCDEF123457' } } })
    expect(moved).toMatchObject({ version: 1 })
    expect(moved.resolvedAt?.toISOString()).toBe('2025-03-06T03:15:31.000Z')
    const audits = await db.auditLog.findMany({ where: { action: 'intake.import' } })
    expect(audits).toHaveLength(3)
    expect(audits[0].summary).toMatchObject({ kind: 'incidents', created: 3, updated: 0, invalidRowsLeftOut: 1, validOnly: true })
  })

  it('a file of several batches with a bad row near the end writes nothing; with "valid rows only" every other row', async () => {
    // Batches are written while later rows are still being validated: a late error must still undo them all.
    const [header, , template] = fixture('pagerduty-raw-incidents.csv').toString('utf8').split(/\r?\n/)
    const n = 12_000
    const lines = [header]
    for (let i = 0; i < n; i++) {
      const row = template.replace('Q1ABCDEF123457', `BIG${String(i).padStart(6, '0')}`)
      lines.push(i === 11_500 ? row.replace('Payments Core', 'No Such Team') : row)
    }
    const bytes = Buffer.from(`${lines.join('\n')}\n`, 'utf8')
    const before = await db.incident.count()
    const progress: number[] = []
    const out = await runImport(actor, { bytes, kind: 'incidents', fileName: 'big.csv' }, (p) => progress.push(p))
    expect(out).toMatchObject({ status: 'INVALID', created: 0, updated: 0, errorCount: 1, unmatchedTeams: [{ name: 'No Such Team', rows: 1 }] })
    expect(out.errors[0]).toMatchObject({ line: 11_502, column: 'team_name' })
    expect(progress.some((p) => p >= 5000)).toBe(true) // batches were written before the error was found...
    expect(await db.incident.count()).toBe(before) // ...and rolled back
    expect(await db.importJob.findUniqueOrThrow({ where: { id: out.jobId! } })).toMatchObject({ status: 'INVALID', errorCount: 1 })

    const valid = await runImport(actor, { bytes, kind: 'incidents', validOnly: true })
    expect(valid).toMatchObject({ status: 'SUCCEEDED', created: n - 1, updated: 0, errorCount: 1 })
    expect(await db.incident.count()).toBe(before + n - 1)
    expect(await db.importJob.findUniqueOrThrow({ where: { id: valid.jobId! } })).toMatchObject({ status: 'SUCCEEDED', totalRows: n - 1, processedRows: n - 1, created: n - 1 })
    await db.incident.deleteMany({ where: { externalId: { startsWith: 'BIG' } } })
  })

  it('a saved alias (from the preview) completes the mapping', async () => {
    const before = await previewImport(actor, { bytes: fixture('pagerduty-raw-incidents.csv'), kind: 'incidents' })
    expect(before).toMatchObject({ format: 'pagerduty-csv', totalRows: 4, validRows: 3, unmatchedTeams: [{ name: 'label-service', rows: 1 }] })
    expect(before.rows[0]).toMatchObject({ externalId: 'Q1ABCDEF123456', severity: 'SEV1' })
    await saveTeamAliases(leader, { aliases: [{ source: 'pagerduty', alias: 'Label-Service', team: 'carrier-integrations' }] })
    const after = await previewImport(actor, { bytes: fixture('pagerduty-raw-incidents.csv'), kind: 'incidents' })
    expect(after).toMatchObject({ validRows: 4, errorCount: 0, unmatchedTeams: [] })
    const out = await runImport(actor, { bytes: fixture('pagerduty-raw-incidents.csv'), kind: 'incidents' })
    expect(out).toMatchObject({ status: 'SUCCEEDED', created: 1, updated: 3 })
    expect(await db.auditLog.count({ where: { action: 'intake.team-alias.save' } })).toBe(1)
  })

  it('team map and --create-missing-teams are part of the import and audited', async () => {
    const out = await runImport(actor, {
      bytes: fixture('jira-export.csv'), kind: 'tech-debt', teamMap: [{ alias: 'Payments Core', team: 'billing' }], createMissingTeams: true,
    })
    expect(out).toMatchObject({ status: 'SUCCEEDED', created: 3, createdTeams: ['checkout-web'] })
    const items = await db.techDebtItem.findMany({ include: { team: true }, orderBy: { externalId: 'asc' } })
    expect(items.map((i) => [i.externalId, i.team.slug, i.size])).toEqual([['CHK-8', 'checkout-web', 'S'], ['PAY-101', 'billing', 'M'], ['PAY-102', 'billing', 'L']])
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'intake.import' }, orderBy: { id: 'desc' } })
    expect(audit.summary).toMatchObject({ teamMap: [{ name: 'Payments Core', team: 'billing' }], createdTeams: ['checkout-web'] })
  })

  it('a rejected file (bad encoding) writes nothing and records the reason', async () => {
    const bytes = Buffer.concat([Buffer.from('team,month,features_shipped\nBilling,2025-01,3\nCaf'), Buffer.from([0xe9]), Buffer.from(',2025-01,3\n')])
    await expect(runImport(actor, { bytes, kind: 'throughput' })).rejects.toThrow(/not valid UTF-8/)
    expect(await db.throughputEntry.count()).toBe(0)
  })

  it('survey answers from Formbricks carry no identity and re-import updates', async () => {
    const out = await runImport(actor, { bytes: fixture('formbricks-responses.csv'), kind: 'survey' })
    expect(out).toMatchObject({ status: 'SUCCEEDED', created: 3, skipped: 1 })
    const again = await runImport(actor, { bytes: fixture('formbricks-responses.csv'), kind: 'survey' })
    expect(again).toMatchObject({ created: 0, updated: 3 })
    const survey = await db.pulseSurvey.findFirstOrThrow({ where: { source: 'formbricks' }, include: { questions: true, responses: { include: { answers: true } } } })
    expect(survey.externalId).toBe('clsurvey00001')
    expect(survey.questions.map((q) => q.key).sort()).toEqual(['comment', 'overall', 'time_to_learn', 'tools_help', 'workload'])
    expect(survey.responses).toHaveLength(3)
    expect(survey.responses.flatMap((r) => r.answers)).toHaveLength(14)
    const str = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x))
    const stored = str(await db.surveyResponse.findMany()) + str(await db.surveyAnswer.findMany()) + str(await db.importJob.findMany()) + str(await db.auditLog.findMany())
    for (const identity of ['clx0resp0001', 'alice@example.com', 'u-4411', 'clcontact001', 'pulse?u=4411', '09:14']) expect(stored).not.toContain(identity)
  })

  it('refuses a developer', async () => {
    await expect(runImport({ id: dev.id, email: dev.email, role: 'DEVELOPER' }, { bytes: fixture('generic-throughput.csv'), kind: 'throughput' })).rejects.toThrow(/permission/)
    await expect(previewImport({ id: dev.id, email: dev.email, role: 'DEVELOPER' }, { bytes: fixture('generic-budget.csv'), kind: 'budget' })).rejects.toThrow(/permission/)
  })
})

describe('REST ingestion', () => {
  const rec = (i: number, extra: Record<string, unknown> = {}) => ({ externalId: `API-${i}`, title: `Incident ${i}`, severity: 'SEV2', team: 'checkout', startedAt: `2025-0${1 + (i % 3)}-10T10:00:00Z`, ...extra })

  it('422 with per-record field errors and nothing written', async () => {
    const before = await db.incident.count()
    const err = await ingestRecords(leader, 'incidents', [rec(1), rec(2, { severity: 'SEV7' }), rec(3, { startedAt: '2999-01-01T00:00:00Z' }), rec(4, { team: 'Nowhere' }), rec(1)]).catch((e) => e)
    expect(err.status).toBe(422)
    expect(err.message).toBe('4 of 5 records are invalid; nothing was written.')
    expect(err.fieldErrors).toEqual({
      '[1].severity': ['unknown severity "SEV7" (expected SEV1, SEV2, SEV3 or SEV4)'],
      '[2].startedAt': ['startedAt 2999-01-01 is in the future'],
      '[4].externalId': ['duplicate of record 0'],
      '[3].team': ['team "Nowhere" is not a Paceline team or a saved alias'],
    })
    expect(await db.incident.count()).toBe(before)
  })

  it('stores text exactly, whatever characters it holds (new rows are written with COPY)', async () => {
    const titles = ['tab\there', 'line one\nline two\r\nthree', 'back\\slash \\N \\. end', '\\N', 'emoji 🚒 and \u00e9', "quote \" ' ; -- DROP TABLE"]
    const out = await ingestRecords(leader, 'incidents', titles.map((title, i) => rec(900 + i, { title, service: i % 2 ? null : `svc\t${i}` })))
    expect(out).toEqual({ created: titles.length, updated: 0, received: titles.length })
    const stored = await db.incident.findMany({ where: { externalId: { in: titles.map((_, i) => `API-${900 + i}`) } }, orderBy: { externalId: 'asc' } })
    expect(stored.map((r) => r.title)).toEqual(titles)
    expect(stored.map((r) => r.service)).toEqual(titles.map((_, i) => (i % 2 ? null : `svc\t${i}`)))
    expect(stored[0].startedAt.toISOString()).toBe(rec(900).startedAt.replace('Z', '.000Z'))
    await db.incident.deleteMany({ where: { externalId: { in: titles.map((_, i) => `API-${900 + i}`) } } })
  })

  it('upserts on the external id and lists with filters and paging', async () => {
    expect(await ingestRecords(leader, 'incidents', [rec(1), rec(2), rec(3, { severity: 'SEV1' })])).toEqual({ created: 3, updated: 0, received: 3 })
    expect(await ingestRecords(leader, 'incidents', [rec(1, { title: 'Renamed' })])).toEqual({ created: 0, updated: 1, received: 1 })
    const all = await listIncidents(leader, { team: 'checkout', since: '2025-01-01', until: '2025-03-31' })
    expect(all.total).toBe(3 + (await db.incident.count({ where: { team: { slug: 'checkout' }, source: 'pagerduty' } })) - 1 + 1)
    const sev1 = await listIncidents(leader, { team: 'checkout', severity: 'SEV1', since: '2025-01-01' })
    expect(sev1.items.map((i) => i.externalId)).toContain('API-3')
    expect(sev1.items.every((i) => i.severity === 'SEV1')).toBe(true)
    const paged = await listIncidents(leader, { limit: '2', offset: '0' })
    expect(paged.items).toHaveLength(2)
    expect(paged.nextOffset).toBe(2)
    expect((await listIncidents(leader, { team: 'checkout' })).items.find((i) => i.externalId === 'API-1')?.title).toBe('Renamed')
    await expect(listIncidents(leader, { since: 'soon' })).rejects.toThrow('Invalid query parameters.')
    await expect(listIncidents(dev, {})).rejects.toThrow(/permission/)
  })

  it('tech debt, throughput and budget follow the same pattern; budget needs budget.edit', async () => {
    expect(await ingestRecords(leader, 'tech-debt', [{ externalId: 'D-1', title: 'Old config', team: 'billing', points: 8, openedOn: '2025-01-02' }])).toMatchObject({ created: 1 })
    expect((await listTechDebt(leader, { team: 'billing', since: '2025-01-01' })).items.find((i) => i.externalId === 'D-1')).toMatchObject({ size: 'M', points: 8, openedOn: '2025-01-02' })
    expect(await ingestRecords(leader, 'throughput', [{ team: 'billing', month: '2025-02', featuresShipped: 5 }])).toMatchObject({ created: 1 })
    expect(await ingestRecords(leader, 'throughput', [{ team: 'Billing', month: '2025-02-14', featuresShipped: 6 }])).toMatchObject({ created: 0, updated: 1 })
    expect((await listThroughput(leader, { team: 'billing' })).items).toMatchObject([{ month: '2025-02', featuresShipped: 6 }])
    await expect(ingestRecords(dev, 'budget', [{ month: '2025-01', category: 'TOKEN_SPEND', amount: 10 }])).rejects.toThrow(/permission/)
    expect(await ingestRecords(leader, 'budget', [{ month: '2025-01', category: 'TOKEN_SPEND', amount: 10.5 }, { month: '2025-01', category: 'training', team: 'identity', amount: '200' }])).toMatchObject({ created: 2 })
    expect(await ingestRecords(leader, 'budget', [{ month: '2025-01', category: 'TOKEN_SPEND', amount: 12 }])).toMatchObject({ created: 0, updated: 1 })
    const budget = await listBudget(leader, { since: '2025-01-01', until: '2025-01-31' })
    expect(budget.items.map((b) => [b.category, b.team?.slug ?? null, b.amount]).sort()).toEqual([['TOKEN_SPEND', null, '12.00'], ['TRAINING', 'identity', '200.00']])
  })

  it('refuses more than 10,000 records and non-arrays', async () => {
    await expect(ingestRecords(leader, 'incidents', Array.from({ length: 10_001 }, (_, i) => rec(i)))).rejects.toThrow('At most 10000 records per request (got 10001).')
    await expect(ingestRecords(leader, 'incidents', { externalId: 'x' })).rejects.toThrow('Send a JSON array of records.')
  })
})

describe('severity mapping', () => {
  it('is editable with optimistic locking and drives the next import', async () => {
    const [pd] = await getSeverityMappings(leader)
    expect(pd).toMatchObject({ source: 'pagerduty', version: 0, isDefault: true })
    const value = { ...pd.value, priorities: { ...(pd.value as { priorities: Record<string, string> }).priorities, P3: 'SEV2' } }
    const saved = await updateSeverityMapping(leader, { source: 'pagerduty', version: 0, value })
    expect(saved.version).toBe(1)
    await expect(updateSeverityMapping(leader, { source: 'pagerduty', version: 0, value })).rejects.toMatchObject({ code: 'CONFLICT' })
    await expect(updateSeverityMapping(leader, { source: 'pagerduty', version: 1, value: { ...value, major: 'SEV9' } })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(updateSeverityMapping(dev, { source: 'pagerduty', version: 1, value })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await runImport(actor, { bytes: fixture('pagerduty-raw-incidents.csv'), kind: 'incidents' })
    const inc = await db.incident.findUniqueOrThrow({ where: { source_externalId: { source: 'pagerduty', externalId: 'Q1ABCDEF123459' } } })
    expect(inc.severity).toBe('SEV2')
  })
})

describe('npm run import', () => {
  function cli(...args: string[]) {
    return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], { encoding: 'utf8', env: { ...process.env, PACELINE_DEBUG: '' }, timeout: 60_000 })
  }

  it('exits 0 with "N created, M updated", and 1 with the row errors and nothing written', async () => {
    const ok = cli('throughput', 'tests/fixtures/intake/generic-throughput.csv')
    expect(ok.stderr).toContain('generic-csv: 3 rows')
    expect(ok.status).toBe(0)
    // Billing 2025-02 was sent through the API above: it is updated, not duplicated.
    expect(ok.stdout.trim()).toBe('2 created, 1 updated')
    expect(cli('throughput', 'tests/fixtures/intake/generic-throughput.csv').stdout.trim()).toBe('0 created, 3 updated')
    const file = path.join(os.tmpdir(), `bad-throughput-${process.pid}.csv`)
    writeFileSync(file, 'team,month,features_shipped\nBilling,2025-05,3\nBilling,2031-01,2\nNowhere,2025-05,1\n')
    const bad = cli('throughput', file)
    expect(bad.status).toBe(1)
    expect(bad.stdout).toBe('')
    expect(bad.stderr).toContain('line 3, column month: month 2031-01-01 is in the future')
    expect(bad.stderr).toContain('line 4, column team: team "Nowhere" is not mapped')
    expect(bad.stderr).toContain('nothing was written')
    expect(await db.throughputEntry.count({ where: { month: new Date('2025-05-01') } })).toBe(0)
    const usage = cli('nonsense', file)
    expect(usage.status).toBe(1)
    expect(usage.stderr).toContain('unknown kind "nonsense"')
  })
})
