import 'server-only'
import { createHmac } from 'node:crypto'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import type pg from 'pg'
import { isoDate } from '@/lib/intake/dates'
import type { BudgetRecord, IncidentRecord, SurveyImportHeader, SurveyResponseRecord, TechDebtRecord, ThroughputRecord } from '@/lib/intake/types'

// Multi-row upserts: one INSERT ... SELECT FROM unnest(arrays) ... ON CONFLICT per batch (one
// parameter per column, not per cell), idempotent on the natural key. `xmax = 0` tells a fresh
// insert from an update. Timestamps go in as ISO strings and are stored as UTC, like Prisma does.

type Q = Pick<pg.PoolClient, 'query'>
export interface Counts { created: number; updated: number }

const iso = (d: Date | null) => (d ? d.toISOString() : null)

// Loaded at run time like lib/database/backup.ts does (kept out of the server bundle).
const requireFromApp = createRequire(path.join(process.cwd(), 'package.json'))
let copyFrom: ((sql: string) => pg.Submittable & Writable) | undefined

/** One value in COPY's text format: \N for null, backslash escapes for the characters it reserves. */
function copyText(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '\\N'
  if (typeof v !== 'string') return String(v)
  return /[\\\n\r\t]/.test(v) ? v.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t')) : v
}

/** COPY ... FROM STDIN of rows already in COPY's text format (the fastest way in for new rows). */
async function copyRows(q: Q, sql: string, lines: string[]): Promise<void> {
  copyFrom ??= (requireFromApp('pg-copy-streams') as { from: (sql: string) => pg.Submittable & Writable }).from
  const stream = (q as pg.PoolClient).query(copyFrom(sql))
  stream.end(lines.length ? `${lines.join('\n')}\n` : '')
  await finished(stream)
}

async function counted(q: Q, sql: string, params: unknown[]): Promise<Counts> {
  const r = await q.query<{ inserted: boolean }>(sql, params)
  let created = 0
  for (const row of r.rows) if (row.inserted) created++
  return { created, updated: r.rows.length - created }
}

/**
 * An incident as one line of COPY's text format, in the column order upsertIncidents copies.
 * Timestamps are stored as UTC wall time (timestamp without time zone, like Prisma): the ISO
 * string's "Z" is ignored on input, which is exactly that. An import builds the lines of the next
 * batch while the database writes the one before.
 */
export function incidentCopyLine(r: IncidentRecord & { teamId: string | null }): string {
  return [
    r.source, r.externalId, r.title, r.severity, r.sourceSeverity, r.teamId, r.service, iso(r.startedAt), iso(r.resolvedAt), r.causeChangeUrl,
    r.aiAssisted, r.status, r.businessHourInterruptions, r.offHourInterruptions, r.sleepHourInterruptions,
    r.workloadMinutesWorking, r.workloadMinutesLate, r.workloadMinutesSleeping,
  ].map(copyText).join('\t')
}

const INCIDENT_ARRAYS = `$1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::timestamptz[], $9::timestamptz[],
                   $10::text[], $11::boolean[], $12::text[], $13::int[], $14::int[], $15::int[], $16::int[], $17::int[], $18::int[]`
const INCIDENT_COLUMNS = 'x(s, e, t, sev, ss, team, svc, st, rs, url, ai, stat, bh, oh, sh, ww, wl, wsl)'

/**
 * Incidents, idempotent on (source, externalId). New ones go in with COPY and existing ones are
 * updated only where a value differs (no version bump, no rollup work for an unchanged
 * row: re-imports of overlapping exports are the common case). Both count as "updated" when they
 * were already there. ON CONFLICT would do it in one statement but costs about twice as much per
 * row; instead, incident writers take one transaction-scoped lock so no other writer can insert
 * the same ids between the lookup and the insert (imports and the intake API, lib/intake/api.ts).
 */
export async function upsertIncidents(q: Q, rows: Array<IncidentRecord & { teamId: string | null }>, copyLines?: string[]): Promise<Counts> {
  if (!rows.length) return { created: 0, updated: 0 }
  await q.query(`SELECT pg_advisory_xact_lock(hashtext('paceline.intake.incidents'))`)
  const sources = [...new Set(rows.map((r) => r.source))]
  const existing = new Set(
    (await q.query<{ k: string }>(
      `SELECT source || chr(31) || "externalId" AS k FROM "Incident" WHERE source = ANY($1::text[]) AND "externalId" = ANY($2::text[])`,
      [sources, rows.map((r) => r.externalId)],
    )).rows.map((r) => r.k),
  )
  const known = (r: IncidentRecord) => existing.has(`${r.source}\u001f${r.externalId}`)
  const freshLines: string[] = []
  const old: typeof rows = []
  rows.forEach((r, i) => {
    if (known(r)) old.push(r)
    else freshLines.push(copyLines?.[i] ?? incidentCopyLine(r))
  })
  const params = (batch: typeof rows) => {
    const col = <T>(f: (r: IncidentRecord & { teamId: string | null }) => T) => batch.map(f)
    return [
      col((r) => r.source), col((r) => r.externalId), col((r) => r.title), col((r) => r.severity), col((r) => r.sourceSeverity), col((r) => r.teamId),
      col((r) => r.service), col((r) => iso(r.startedAt)), col((r) => iso(r.resolvedAt)), col((r) => r.causeChangeUrl), col((r) => r.aiAssisted),
      col((r) => r.status), col((r) => r.businessHourInterruptions), col((r) => r.offHourInterruptions), col((r) => r.sleepHourInterruptions),
      col((r) => r.workloadMinutesWorking), col((r) => r.workloadMinutesLate), col((r) => r.workloadMinutesSleeping),
    ]
  }
  if (freshLines.length) {
    await copyRows(
      q,
      `COPY "Incident" (source, "externalId", title, severity, "sourceSeverity", "teamId", service, "startedAt", "resolvedAt",
         "causeChangeUrl", "aiAssisted", status, "businessHourInterruptions", "offHourInterruptions", "sleepHourInterruptions",
         "workloadMinutesWorking", "workloadMinutesLate", "workloadMinutesSleeping") FROM STDIN`,
      freshLines,
    )
  }
  if (old.length) {
    // The new values, as stored: a missing change link or AI flag keeps what was there.
    await q.query(
      `WITH x AS (
         SELECT s, e, t, sev::"Severity" AS sev, ss, team, svc, st AT TIME ZONE 'UTC' AS st, rs AT TIME ZONE 'UTC' AS rs, url, ai, stat, bh, oh, sh, ww, wl, wsl
           FROM unnest(${INCIDENT_ARRAYS}) AS ${INCIDENT_COLUMNS})
       UPDATE "Incident" i SET
         title = x.t, severity = x.sev, "sourceSeverity" = x.ss, "teamId" = x.team, service = x.svc, "startedAt" = x.st, "resolvedAt" = x.rs,
         "causeChangeUrl" = COALESCE(x.url, i."causeChangeUrl"), "aiAssisted" = COALESCE(x.ai, i."aiAssisted"), status = x.stat,
         "businessHourInterruptions" = x.bh, "offHourInterruptions" = x.oh, "sleepHourInterruptions" = x.sh,
         "workloadMinutesWorking" = x.ww, "workloadMinutesLate" = x.wl, "workloadMinutesSleeping" = x.wsl,
         version = i.version + 1, "updatedAt" = now()
       FROM x
       WHERE i.source = x.s AND i."externalId" = x.e
         AND (i.title, i.severity, i."sourceSeverity", i."teamId", i.service, i."startedAt", i."resolvedAt", i."causeChangeUrl", i."aiAssisted", i.status,
              i."businessHourInterruptions", i."offHourInterruptions", i."sleepHourInterruptions", i."workloadMinutesWorking", i."workloadMinutesLate", i."workloadMinutesSleeping")
         IS DISTINCT FROM
             (x.t, x.sev, x.ss, x.team, x.svc, x.st, x.rs, COALESCE(x.url, i."causeChangeUrl"), COALESCE(x.ai, i."aiAssisted"), x.stat,
              x.bh, x.oh, x.sh, x.ww, x.wl, x.wsl)`,
      params(old),
    )
  }
  return { created: freshLines.length, updated: old.length }
}

export function upsertTechDebt(q: Q, rows: Array<TechDebtRecord & { teamId: string }>): Promise<Counts> {
  return counted(
    q,
    `INSERT INTO "TechDebtItem" (source, "externalId", "teamId", title, size, points, "openedOn", "repaidOn", status, "updatedAt")
     SELECT s, e, team, t, sz::"DebtSize", p, o, r, st, now()
       FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::int[], $7::date[], $8::date[], $9::text[]) AS x(s, e, team, t, sz, p, o, r, st)
     ON CONFLICT (source, "externalId") DO UPDATE SET
       "teamId" = EXCLUDED."teamId", title = EXCLUDED.title, size = EXCLUDED.size, points = EXCLUDED.points,
       "openedOn" = EXCLUDED."openedOn", "repaidOn" = EXCLUDED."repaidOn", status = EXCLUDED.status,
       version = "TechDebtItem".version + 1, "updatedAt" = now()
     RETURNING (xmax = 0) AS inserted`,
    [rows.map((r) => r.source), rows.map((r) => r.externalId), rows.map((r) => r.teamId), rows.map((r) => r.title), rows.map((r) => r.size), rows.map((r) => r.points),
      rows.map((r) => isoDate(r.openedOn)), rows.map((r) => isoDate(r.repaidOn)), rows.map((r) => r.status)],
  )
}

export function upsertThroughput(q: Q, rows: Array<ThroughputRecord & { teamId: string }>): Promise<Counts> {
  return counted(
    q,
    `INSERT INTO "ThroughputEntry" ("teamId", month, "featuresShipped", source, "updatedAt")
     SELECT team, m, f, s, now() FROM unnest($1::uuid[], $2::date[], $3::int[], $4::text[]) AS x(team, m, f, s)
     ON CONFLICT ("teamId", month) DO UPDATE SET "featuresShipped" = EXCLUDED."featuresShipped", source = EXCLUDED.source,
       version = "ThroughputEntry".version + 1, "updatedAt" = now()
     RETURNING (xmax = 0) AS inserted`,
    [rows.map((r) => r.teamId), rows.map((r) => isoDate(r.month)), rows.map((r) => r.featuresShipped), rows.map((r) => r.source)],
  )
}

export function upsertBudget(q: Q, rows: Array<BudgetRecord & { teamId: string | null }>, recordedById: string | null): Promise<Counts> {
  return counted(
    q,
    `INSERT INTO "BudgetEntry" (source, "externalId", month, category, "teamId", amount, currency, note, "recordedById", "updatedAt")
     SELECT s, e, m, c::"BudgetCategory", team, a, cur, n, $9::uuid, now()
       FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::uuid[], $6::numeric[], $7::text[], $8::text[]) AS x(s, e, m, c, team, a, cur, n)
     ON CONFLICT (source, "externalId") DO UPDATE SET month = EXCLUDED.month, category = EXCLUDED.category, "teamId" = EXCLUDED."teamId",
       amount = EXCLUDED.amount, currency = EXCLUDED.currency, note = EXCLUDED.note, "recordedById" = EXCLUDED."recordedById",
       version = "BudgetEntry".version + 1, "updatedAt" = now()
     RETURNING (xmax = 0) AS inserted`,
    [rows.map((r) => r.source), rows.map((r) => r.externalId), rows.map((r) => isoDate(r.month)), rows.map((r) => r.category), rows.map((r) => r.teamId),
      rows.map((r) => r.amount), rows.map((r) => r.currency), rows.map((r) => r.note), recordedById],
  )
}

/**
 * Imported responses keep no identity: the source's response id is stored only as a keyed hash
 * (so a re-import updates instead of duplicating, but the id cannot be joined back to the
 * source's contact), the timestamp only as a day, and no team unless chosen for the whole file.
 */
export function responseKey(salt: string, surveyExternalId: string, responseId: string): string {
  return createHmac('sha256', salt).update(`${surveyExternalId}\u0000${responseId}`).digest('base64url')
}

export async function upsertSurvey(q: Q, header: SurveyImportHeader, rows: SurveyResponseRecord[], salt: string, teamId: string | null): Promise<Counts> {
  const days = rows.map((r) => r.submittedOn.getTime())
  const opens = new Date(Math.min(...days))
  const closes = new Date(Math.max(...days) + 86_399_000)
  const survey = await q.query<{ id: string }>(
    `INSERT INTO "PulseSurvey" (title, source, "externalId", "opensAt", "closesAt", status)
     VALUES ($1, 'formbricks', $2, $3::timestamptz AT TIME ZONE 'UTC', $4::timestamptz AT TIME ZONE 'UTC', 'CLOSED')
     ON CONFLICT (source, "externalId") DO UPDATE SET
       "opensAt" = LEAST("PulseSurvey"."opensAt", EXCLUDED."opensAt"), "closesAt" = GREATEST("PulseSurvey"."closesAt", EXCLUDED."closesAt")
     RETURNING id`,
    [header.title, header.externalId, opens.toISOString(), closes.toISOString()],
  )
  const surveyId = survey.rows[0].id
  await q.query(
    `INSERT INTO "SurveyQuestion" ("surveyId", key, prompt, kind, position, optional)
     SELECT $1::uuid, k, p, kind::"QuestionKind", pos, k = 'comment' FROM unnest($2::text[], $3::text[], $4::text[], $5::int[]) AS x(k, p, kind, pos)
     ON CONFLICT ("surveyId", key) DO NOTHING`,
    [surveyId, header.questions.map((x) => x.key), header.questions.map((x) => x.prompt), header.questions.map((x) => (x.key === 'comment' ? 'FREE_TEXT' : 'SCALE_1_5')), header.questions.map((_, i) => i + 1)],
  )
  const qs = await q.query<{ id: string; key: string }>('SELECT id, key FROM "SurveyQuestion" WHERE "surveyId" = $1', [surveyId])
  const questionId = new Map(qs.rows.map((r) => [r.key, r.id]))
  const keys = rows.map((r) => responseKey(salt, header.externalId, r.externalId))
  const res = await q.query<{ id: string; externalId: string; inserted: boolean }>(
    `INSERT INTO "SurveyResponse" ("surveyId", "externalId", "submittedOn", "teamId")
     SELECT $1::uuid, e, d, $4::uuid FROM unnest($2::text[], $3::date[]) AS x(e, d)
     ON CONFLICT ("surveyId", "externalId") DO UPDATE SET "submittedOn" = EXCLUDED."submittedOn", "teamId" = COALESCE(EXCLUDED."teamId", "SurveyResponse"."teamId")
     RETURNING id, "externalId", (xmax = 0) AS inserted`,
    [surveyId, keys, rows.map((r) => isoDate(r.submittedOn)), teamId],
  )
  const updatedIds = res.rows.filter((r) => !r.inserted).map((r) => r.id)
  if (updatedIds.length) await q.query('DELETE FROM "SurveyAnswer" WHERE "responseId" = ANY($1::uuid[])', [updatedIds])
  const aResp: string[] = []
  const aQ: string[] = []
  const aScore: Array<number | null> = []
  const aText: Array<string | null> = []
  const byKey = new Map(keys.map((k, i) => [k, rows[i]]))
  res.rows.forEach((r) => {
    const rec = byKey.get(r.externalId)!
    for (const [k, v] of Object.entries(rec.scores)) {
      const qid = questionId.get(k)
      if (qid) { aResp.push(r.id); aQ.push(qid); aScore.push(v as number); aText.push(null) }
    }
    const cq = questionId.get('comment')
    if (rec.comment && cq) { aResp.push(r.id); aQ.push(cq); aScore.push(null); aText.push(rec.comment) }
  })
  if (aResp.length) {
    await q.query(
      `INSERT INTO "SurveyAnswer" ("responseId", "questionId", score, text) SELECT r, qq, s, t FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[]) AS x(r, qq, s, t)`,
      [aResp, aQ, aScore, aText],
    )
  }
  const created = res.rows.filter((r) => r.inserted).length
  return { created, updated: res.rows.length - created }
}
