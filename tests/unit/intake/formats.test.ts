import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseImportFile } from '@/lib/intake/parse-file'
import type { IncidentRecord, SurveyResponseRecord, TechDebtRecord, ThroughputRecord, BudgetRecord } from '@/lib/intake/types'

const fixture = (name: string) => readFileSync(path.join(__dirname, '../../fixtures/intake', name))

describe('PagerDuty analytics raw incidents', () => {
  it('reads the CSV: severity from priority, major and urgency; quoted newlines keep their line', () => {
    const r = parseImportFile(fixture('pagerduty-raw-incidents.csv'), { kind: 'incidents' })
    expect(r.format).toBe('pagerduty-csv')
    expect(r.errors).toEqual([])
    const recs = r.records as IncidentRecord[]
    expect(recs.map((x) => [x.externalId, x.severity, x.sourceSeverity, x.teamName, x.line])).toEqual([
      ['Q1ABCDEF123456', 'SEV1', 'P1', 'Checkout', 2],
      ['Q1ABCDEF123457', 'SEV1', 'P2, major', 'Payments Core', 3],
      ['Q1ABCDEF123458', 'SEV4', 'urgency low', 'Catalogue', 4],
      ['Q1ABCDEF123459', 'SEV3', 'P3', 'label-service', 6],
    ])
    expect(recs[1]).toMatchObject({ title: 'Payments ledger lag, "reconciliation" delayed', offHourInterruptions: 2, sleepHourInterruptions: 4, service: 'ledger' })
    expect(recs[1].resolvedAt?.toISOString()).toBe('2025-03-06T02:15:31.000Z')
    expect(recs[3].resolvedAt).toBeNull()
    expect(r.ignoredColumns).toContain('escalation_policy_name')
  })

  it('reads the JSON analytics response ({"data":[...]}) and falls back to urgency without a priority', () => {
    const r = parseImportFile(fixture('pagerduty-raw-incidents.json'), { kind: 'incidents' })
    expect(r.format).toBe('pagerduty-json')
    expect(r.errors).toEqual([])
    expect((r.records as IncidentRecord[]).map((x) => [x.externalId, x.severity, x.sleepHourInterruptions])).toEqual([
      ['Q2XYZ0000001', 'SEV1', 0],
      ['Q2XYZ0000002', 'SEV4', 1],
    ])
  })

  it('uses an edited mapping and reports priorities the mapping does not know', () => {
    const csv = 'id,created_at,urgency,major,priority_name,team_name\nA1,2025-01-01T00:00:00Z,high,false,P1,Checkout\nA2,2025-01-01T00:00:00Z,high,false,Urgent,Checkout\n'
    const mappings = {
      pagerduty: { priorities: { P1: 'SEV2' as const }, major: 'SEV1' as const, urgency: { high: 'SEV2' as const, low: 'SEV4' as const } },
      incidentio: { names: {}, ranks: {} },
    }
    const r = parseImportFile(Buffer.from(csv), { kind: 'incidents', mappings })
    expect((r.records as IncidentRecord[])[0].severity).toBe('SEV2')
    expect(r.errors).toEqual([{ line: 3, column: 'priority_name', reason: expect.stringContaining('unknown priority "Urgent"') }])
  })
})

describe('incident.io', () => {
  it('reads the API v2 list: severity name+rank, status category, timestamps, custom fields, workload minutes; skips declined', () => {
    const r = parseImportFile(fixture('incidentio-incidents.json'), { kind: 'incidents' })
    expect(r.format).toBe('incidentio-json')
    expect(r.errors).toEqual([])
    expect(r.skipped).toEqual([{ line: 3, reason: expect.stringContaining('declined') }])
    const [a, b] = r.records as IncidentRecord[]
    expect(a).toMatchObject({ externalId: 'INC-123', severity: 'SEV2', sourceSeverity: 'Major (rank 2)', status: 'closed', teamName: 'Payments Core', service: 'payments-api', workloadMinutesLate: 13, workloadMinutesWorking: 178, workloadMinutesSleeping: 0 })
    expect(a.startedAt.toISOString()).toBe('2025-05-02T10:01:00.000Z')
    expect(a.resolvedAt?.toISOString()).toBe('2025-05-02T11:31:00.000Z')
    expect(b).toMatchObject({ externalId: 'INC-124', severity: 'SEV3', resolvedAt: null, workloadMinutesSleeping: 45 })
  })

  it('reads a CSV with loosely named headers', () => {
    const r = parseImportFile(fixture('incidentio-incidents.csv'), { kind: 'incidents' })
    expect(r.format).toBe('incidentio-csv')
    expect(r.errors).toEqual([])
    const [a, b] = r.records as IncidentRecord[]
    expect(a).toMatchObject({ externalId: 'INC-201', severity: 'SEV1', teamName: 'Checkout', service: 'checkout-api' })
    expect(b).toMatchObject({ title: 'Routing ETA wrong, "off by one"', workloadMinutesWorking: 16, workloadMinutesSleeping: 35, status: 'live' })
  })

  it('reports an unknown severity with its line and column', () => {
    const csv = 'Reference,Name,Severity,Status,Reported At,Team\nINC-1,A,Apocalyptic,Closed,2025-01-01 10:00,Checkout\n'
    const r = parseImportFile(Buffer.from(csv), { kind: 'incidents' })
    expect(r.records).toHaveLength(0)
    expect(r.errors).toEqual([{ line: 2, column: 'severity', reason: expect.stringContaining('unknown severity "Apocalyptic"') }])
  })
})

describe('Jira Cloud CSV (all fields)', () => {
  it('keeps debt by default label/type, reads repeated Labels/Comment columns, Jira date formats and story points', () => {
    const r = parseImportFile(fixture('jira-export.csv'), { kind: 'tech-debt' })
    expect(r.format).toBe('jira-csv')
    expect(r.errors).toEqual([])
    const recs = r.records as TechDebtRecord[]
    expect(recs.map((x) => [x.externalId, x.teamName, x.size, x.points])).toEqual([
      ['PAY-101', 'Payments Core', 'M', 5],
      ['PAY-102', 'Payments Core', 'L', 13],
      ['CHK-8', 'checkout-web', 'S', 2],
    ])
    expect(recs[0].openedOn.toISOString().slice(0, 10)).toBe('2024-05-11')
    expect(recs[0].repaidOn?.toISOString().slice(0, 10)).toBe('2024-06-01')
    expect(recs[1].openedOn.toISOString().slice(0, 10)).toBe('2025-06-21')
    expect(recs[2].repaidOn).toBeNull() // Won't Do closes without repaying
    expect(r.skipped.map((s) => s.line)).toEqual([4])
  })

  it('takes the debt rule chosen in the import (a label, or an issue type)', () => {
    const byLabel = parseImportFile(fixture('jira-export.csv'), { kind: 'tech-debt', debt: { label: 'cleanup' } })
    expect((byLabel.records as TechDebtRecord[]).map((x) => x.externalId)).toEqual(['CHK-8'])
    const byType = parseImportFile(fixture('jira-export.csv'), { kind: 'tech-debt', debt: { type: 'story' } })
    expect((byType.records as TechDebtRecord[]).map((x) => x.externalId)).toEqual(['CHK-7'])
  })
})

describe('Formbricks responses CSV', () => {
  it('maps headlines to the pulse questions and drops identity columns before reading them', () => {
    const r = parseImportFile(fixture('formbricks-responses.csv'), { kind: 'survey' })
    expect(r.format).toBe('formbricks-csv')
    expect(r.errors).toEqual([])
    expect(r.survey?.questions.map((q) => q.key)).toEqual(['overall', 'tools_help', 'time_to_learn', 'workload', 'comment'])
    expect(r.survey?.externalId).toBe('clsurvey00001')
    expect(r.dropped).toEqual(expect.arrayContaining(['User ID', 'Formbricks ID (internal)', 'url', 'userAgent - browser', 'country', 'team', 'Verified Email', '6. What is your email?']))
    const recs = r.records as SurveyResponseRecord[]
    expect(recs).toHaveLength(3)
    expect(r.skipped).toEqual([{ line: 5, reason: 'unfinished response' }])
    expect(recs[0]).toMatchObject({ scores: { overall: 4, tools_help: 5, time_to_learn: 2, workload: 3 }, comment: 'More time to learn, please.\nThanks' })
    const serialised = JSON.stringify(r)
    for (const identity of ['alice@example.com', 'u-4411', 'clcontact001', 'pulse?u=4411', 'Chrome']) expect(serialised).not.toContain(identity)
  })

  it('refuses scores outside 1..5', () => {
    const csv = 'Response ID,Timestamp,Finished,1. Overall satisfaction\nr1,2025-01-01 10:00:00,Yes,7\n'
    const r = parseImportFile(Buffer.from(csv), { kind: 'survey' })
    expect(r.errors).toEqual([{ line: 2, column: '1. Overall satisfaction', reason: 'overall: above 5' }])
  })
})

describe('generic layouts', () => {
  it('reads the four kinds', () => {
    const inc = parseImportFile(fixture('generic-incidents.csv'), { kind: 'incidents' })
    expect(inc.errors).toEqual([])
    expect((inc.records as IncidentRecord[]).map((x) => [x.severity, x.aiAssisted, x.teamName])).toEqual([['SEV1', true, 'Identity'], ['SEV3', null, 'Developer Platform']])
    const debt = parseImportFile(fixture('generic-tech-debt.csv'), { kind: 'tech-debt' })
    expect((debt.records as TechDebtRecord[]).map((x) => [x.size, x.points])).toEqual([['L', null], ['S', 2]])
    const tp = parseImportFile(fixture('generic-throughput.csv'), { kind: 'throughput' })
    expect((tp.records as ThroughputRecord[]).map((x) => [x.teamName, x.month.toISOString().slice(0, 10), x.featuresShipped])).toEqual([
      ['Billing', '2025-01-01', 4], ['Billing', '2025-02-01', 6], ['Identity', '2025-01-01', 3],
    ])
    const budget = parseImportFile(fixture('generic-budget.csv'), { kind: 'budget' })
    expect((budget.records as BudgetRecord[]).map((x) => [x.category, x.teamName, x.amount, x.externalId])).toEqual([
      ['TRAINING', null, '12000.00', '2025-01:TRAINING:org'],
      ['TOKEN_SPEND', 'Billing', '830.25', '2025-01:TOKEN_SPEND:billing'],
      ['TOOL_LICENCES', 'Identity', '1900.00', '2025-01:TOOL_LICENCES:identity'],
    ])
  })

  it('matches headers loosely (case, spaces, camelCase) and reads JSON arrays', () => {
    const csv = 'ID,Title,Severity,Team,Started At\nX-1,Broken,SEV2,Billing,2025-01-01T00:00:00Z\n'
    expect(parseImportFile(Buffer.from(csv), { kind: 'incidents' }).records).toHaveLength(1)
    const json = JSON.stringify([{ externalId: 'J-1', title: 'From JSON', severity: 'SEV4', team: 'Billing', startedAt: '2025-01-01T00:00:00Z' }])
    const r = parseImportFile(Buffer.from(json), { kind: 'incidents' })
    expect(r.format).toBe('generic-json')
    expect(r.records).toHaveLength(1)
  })
})
