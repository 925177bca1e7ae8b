import { addDays, addMonths, historyMonths, monthName, pilotMonth, planMonth, sqlDate, sqlTimestamp, type Timeline } from './calendar'
import type { SeedContext } from './context'
import type { Org } from './org'
import type { Rng } from './random'
import { runBatches, insertMany } from './sql'
import { scoreMeans, type Who } from './story'
import { pickComment, QUESTIONS } from './survey-text'

// Monthly pulse surveys. What was answered (SurveyResponse + SurveyAnswer) and who answered
// (SurveyParticipation) are generated in separate passes from separate random streams and inserted
// in separately shuffled orders, so that neither content, key, time nor row order links the two.
// An expert's response carries the EXPERTS stage and no team: with one expert per team, a team on
// it would single the expert out.

export interface SurveySpec {
  title: string
  opensAt: Date
  closesAt: Date
  status: 'CLOSED' | 'OPEN'
}

export interface ResponseRow {
  survey: number
  team: number | null
  stage: 'EXPERTS' | 'PILOT' | null
  submittedOn: string
  scores: [number, number, number, number]
  comment: string | null
}

export interface ParticipationRow {
  survey: number
  email: string
}

export interface SurveyData {
  surveys: SurveySpec[]
  responses: ResponseRow[]
  participations: ParticipationRow[]
}

const clampScore = (x: number) => Math.min(5, Math.max(1, Math.round(x)))

export function generateSurveys(rng: Rng, org: Org, t: Timeline): SurveyData {
  const months = historyMonths(t)
  const surveys: SurveySpec[] = months.map((m) => ({
    title: `Monthly pulse: ${monthName(m)}`,
    opensAt: new Date(addDays(m, 2).getTime() + 8 * 3_600_000),
    closesAt: new Date(addDays(m, 12).getTime() + 17 * 3_600_000),
    status: 'CLOSED',
  }))
  // This month's survey is open and nobody has answered yet (the demo developer can).
  surveys.push({ title: `Monthly pulse: ${monthName(t.anchor)}`, opensAt: t.anchor, closesAt: new Date(addMonths(t.anchor, 1).getTime() - 60_000), status: 'OPEN' })

  const who = rng.fork('participation')
  const what = rng.fork('responses')
  const pilotSet = new Set(org.catalogue.pilotTeams)
  const teamRate = org.catalogue.teams.map(() => who.float(0.66, 0.76))
  const teamOffset = org.catalogue.teams.map(() => what.normal(0, 0.12))
  const membersByTeam = org.catalogue.teams.map(() => [] as Array<{ email: string; expert: boolean }>)
  for (const p of org.members) membersByTeam[p.team!].push({ email: p.email, expert: p.role === 'EXPERT' })

  const responses: ResponseRow[] = []
  const participations: ParticipationRow[] = []
  months.forEach((month, s) => {
    const planM = planMonth(t, month)
    const afterPlan = planM !== null
    membersByTeam.forEach((members, ti) => {
      const pm = pilotSet.has(ti) ? pilotMonth(t, month) : null
      // Pass 1, who answered: a per-person coin flip at the team's response rate.
      const rate = Math.min(0.95, Math.max(0.4, teamRate[ti] + who.float(-0.04, 0.04) - (pm === 0 ? 0.04 : 0)))
      let experts = 0
      let others = 0
      for (const m of members) {
        if (!who.chance(rate)) continue
        participations.push({ survey: s, email: m.email })
        if (m.expert && afterPlan) experts++
        else others++
      }
      // Pass 2, what was answered: only the counts carry over, never the people.
      const respond = (kind: Who, stageMonth: number | null, team: number | null, stage: ResponseRow['stage']) => {
        const mean = scoreMeans(kind, stageMonth, afterPlan, teamOffset[ti])
        responses.push({
          survey: s,
          team,
          stage,
          submittedOn: sqlDate(addDays(surveys[s].opensAt, what.int(0, 10))),
          scores: [mean.overall, mean.tools_help, mean.time_to_learn, mean.workload].map((x) => clampScore(what.normal(x, 0.85))) as ResponseRow['scores'],
          comment: what.chance(0.05) ? pickComment(what, kind, stageMonth, afterPlan) : null,
        })
      }
      for (let i = 0; i < others; i++) {
        if (pm !== null) respond('pilot', pm, ti, 'PILOT')
        else respond('team', null, ti, null)
      }
      for (let i = 0; i < experts; i++) respond('expert', planM, null, 'EXPERTS')
    })
  })

  rng.fork('shuffle:responses').shuffle(responses)
  rng.fork('shuffle:participations').shuffle(participations)
  return { surveys, responses, participations }
}

const RESPONSES_WITH_ANSWERS = `
WITH src AS MATERIALIZED (
  SELECT gen_random_uuid() AS id, s.*
  FROM unnest($1::uuid[], $2::uuid[], $3::"Stage"[], $4::date[], $5::int4[], $6::int4[], $7::int4[], $8::int4[], $9::text[], $10::uuid[])
    AS s("surveyId", "teamId", stage, "submittedOn", overall, tools_help, time_to_learn, workload, comment, "cohortId")
), responses AS (
  INSERT INTO "SurveyResponse" ("id", "surveyId", "teamId", "cohortId", "stage", "submittedOn")
  SELECT id, "surveyId", "teamId", "cohortId", stage, "submittedOn" FROM src
)
INSERT INTO "SurveyAnswer" ("responseId", "questionId", "score", "text")
SELECT src.id, q.id, a.score, a.text
FROM src
CROSS JOIN LATERAL (VALUES
  ('overall', src.overall, NULL::text), ('tools_help', src.tools_help, NULL), ('time_to_learn', src.time_to_learn, NULL),
  ('workload', src.workload, NULL), ('comment', NULL::int4, src.comment)
) AS a(key, score, text)
JOIN "SurveyQuestion" q ON q."surveyId" = src."surveyId" AND q.key = a.key
WHERE a.key <> 'comment' OR src.comment IS NOT NULL`

export async function insertSurveys(ctx: SeedContext, data: SurveyData): Promise<void> {
  const { db, ids, sizes, summary, progress } = ctx
  const inserted = await insertMany(db, 'PulseSurvey', [
    { name: 'title', type: 'text', value: (s: SurveySpec) => s.title },
    { name: 'opensAt', type: 'timestamp(3)', value: (s) => sqlTimestamp(s.opensAt) },
    { name: 'closesAt', type: 'timestamp(3)', value: (s) => sqlTimestamp(s.closesAt) },
    { name: 'status', type: '"SurveyStatus"', value: (s) => s.status },
    { name: 'version', type: 'int4', value: (s) => (s.status === 'CLOSED' ? 2 : 1) },
    { name: 'createdAt', type: 'timestamp(3)', value: (s) => sqlTimestamp(addDays(s.opensAt, -7)) },
  ], data.surveys, { returning: ['id', 'title'] })
  const idByTitle = new Map(inserted.returned.map((r) => [String(r.title), String(r.id)]))
  const surveyIds = data.surveys.map((s) => idByTitle.get(s.title)!)
  summary.surveys = inserted.count

  const questions = surveyIds.flatMap((surveyId) => QUESTIONS.map((q, position) => ({ surveyId, position, ...q })))
  summary.surveyQuestions = (await insertMany(db, 'SurveyQuestion', [
    { name: 'surveyId', type: 'uuid', value: (q: (typeof questions)[number]) => q.surveyId },
    { name: 'key', type: 'text', value: (q) => q.key },
    { name: 'prompt', type: 'text', value: (q) => q.prompt },
    { name: 'kind', type: '"QuestionKind"', value: (q) => q.kind },
    { name: 'position', type: 'int4', value: (q) => q.position + 1 },
    { name: 'optional', type: 'bool', value: (q) => q.optional },
  ], questions)).count
  progress.add('surveys', summary.surveys + summary.surveyQuestions)

  await runBatches(
    db,
    data.responses,
    sizes.batchSize,
    (batch) => ({
      text: RESPONSES_WITH_ANSWERS,
      values: [
        batch.map((r) => surveyIds[r.survey]),
        batch.map((r) => (r.team === null ? null : ids.teams[r.team])),
        batch.map((r) => r.stage),
        batch.map((r) => r.submittedOn),
        ...[0, 1, 2, 3].map((i) => batch.map((r) => r.scores[i])),
        batch.map((r) => r.comment),
        // The cohort at answer time, as the portal records it (lib/surveys/rules.ts groupAttributes).
        batch.map((r) => (r.stage === 'EXPERTS' ? ids.expertsCohort : r.stage === 'PILOT' ? ids.pilotCohort : null)),
      ],
    }),
    (batch, result) => {
      summary.surveyResponses += batch.length
      summary.surveyAnswers += result.rowCount ?? 0
      progress.add('survey responses', batch.length + (result.rowCount ?? 0))
    },
  )

  summary.surveyParticipations = (await insertMany(db, 'SurveyParticipation', [
    { name: 'surveyId', type: 'uuid', value: (p: ParticipationRow) => surveyIds[p.survey] },
    { name: 'userId', type: 'uuid', value: (p) => ids.users.get(p.email) },
  ], data.participations, { batchSize: sizes.batchSize, onBatch: (n) => progress.add('participation', n) })).count
}

/** Rows the survey step will insert, for the progress total. */
export function surveyRowEstimate(data: SurveyData): number {
  const answers = data.responses.reduce((n, r) => n + 4 + (r.comment ? 1 : 0), 0)
  return data.surveys.length * (1 + QUESTIONS.length) + data.responses.length + answers + data.participations.length
}
