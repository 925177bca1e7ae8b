import { FileRejectedError } from '@/lib/intake/errors'
import { decodeFile } from '@/lib/intake/decode'
import type { RowError } from '@/lib/intake/types'

// GitHub Copilot usage-metrics reports (NDJSON, one JSON object per line): per-user day records
// (`user_id`, `user_login`, `day`, `totals_by_language_model[]`, `totals_by_model_feature[]`) or
// enterprise/organisation day totals (the same without the user fields). User ids and logins are
// used only to find the team while reading and are dropped here: nothing per person leaves this file.

export const MIN_TEAM_PEOPLE = 5

export interface UsageLine { line: number; day: string; login: string | null; models: Map<string, { interactions: number; generations: number }> }
export interface CopilotParsed { lines: UsageLine[]; errors: RowError[]; perUser: boolean }

const DAY = /^\d{4}-\d{2}-\d{2}$/
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0)

export function parseCopilotNdjson(input: Uint8Array | string): CopilotParsed {
  const text = typeof input === 'string' ? input : decodeFile(input)
  const raw = text.split(/\r?\n/)
  const lines: UsageLine[] = []
  const errors: RowError[] = []
  let recognised = 0
  let perUser = false
  raw.forEach((l, i) => {
    const line = i + 1
    if (!l.trim()) return
    let o: unknown
    try {
      o = JSON.parse(l)
    } catch {
      errors.push({ line, column: null, reason: 'Not a JSON object (a Copilot report has one JSON object per line).' })
      return
    }
    if (typeof o !== 'object' || o === null || Array.isArray(o)) return errors.push({ line, column: null, reason: 'Not a JSON object.' })
    const r = o as Record<string, unknown>
    const byModel = Array.isArray(r.totals_by_language_model) ? r.totals_by_language_model : null
    const byFeature = Array.isArray(r.totals_by_model_feature) ? r.totals_by_model_feature : null
    if (typeof r.day !== 'string' || (!byModel && !byFeature)) {
      errors.push({ line, column: 'day', reason: 'Not a Copilot usage-metrics day record (needs "day" and "totals_by_language_model" or "totals_by_model_feature").' })
      return
    }
    recognised++
    if (!DAY.test(r.day) || Number.isNaN(Date.parse(`${r.day}T00:00:00Z`))) return errors.push({ line, column: 'day', reason: `"${String(r.day).slice(0, 20)}" is not a date (YYYY-MM-DD).` })
    const login = typeof r.user_login === 'string' ? r.user_login.trim().toLowerCase() : typeof r.user_id === 'number' || typeof r.user_id === 'string' ? `#${r.user_id}` : null
    if (login) perUser = true
    const models = new Map<string, { interactions: number; generations: number }>()
    // Feature totals carry interactions; language totals carry generations. Both name the model.
    for (const f of byFeature ?? []) {
      if (typeof f !== 'object' || f === null || typeof (f as Record<string, unknown>).model !== 'string') continue
      const x = f as Record<string, unknown>
      const e = models.get(x.model as string) ?? { interactions: 0, generations: 0 }
      e.interactions += num(x.user_initiated_interaction_count)
      e.generations += num(x.code_generation_activity_count)
      models.set(x.model as string, e)
    }
    if (!byFeature) {
      for (const f of byModel ?? []) {
        if (typeof f !== 'object' || f === null || typeof (f as Record<string, unknown>).model !== 'string') continue
        const x = f as Record<string, unknown>
        const e = models.get(x.model as string) ?? { interactions: 0, generations: 0 }
        e.generations += num(x.code_generation_activity_count)
        e.interactions += num(x.user_initiated_interaction_count) || num(x.code_generation_activity_count)
        models.set(x.model as string, e)
      }
    }
    lines.push({ line, day: r.day, login, models })
  })
  if (recognised === 0) {
    throw new FileRejectedError('This is not a GitHub Copilot usage-metrics report: no line has "day" with "totals_by_language_model" or "totals_by_model_feature". Download the NDJSON report from the Copilot usage metrics API.')
  }
  return { lines, errors, perUser }
}

export interface TeamDayModel { teamKey: string; day: string; model: string; interactions: number; generations: number; teamActive: number }

/**
 * Aggregates per team, day and model; drops every team-day with fewer than MIN_TEAM_PEOPLE distinct
 * people (per-user reports) so no small group can be singled out. `teamOf` maps a login to a team
 * key (null: unknown person, skipped). Day totals (no user fields) go to `defaultTeam`.
 */
export function aggregateUsage(parsed: CopilotParsed, teamOf: (login: string) => string | null, defaultTeam: string | null) {
  const groups = new Map<string, { teamKey: string; day: string; people: Set<string>; models: Map<string, { interactions: number; generations: number }>; totals: boolean }>()
  let unmatched = 0
  for (const l of parsed.lines) {
    const teamKey = l.login ? teamOf(l.login) : defaultTeam
    if (!teamKey) { unmatched++; continue }
    const k = `${teamKey}|${l.day}`
    const g = groups.get(k) ?? { teamKey, day: l.day, people: new Set<string>(), models: new Map(), totals: !l.login }
    if (l.login) g.people.add(l.login)
    for (const [m, v] of l.models) {
      const e = g.models.get(m) ?? { interactions: 0, generations: 0 }
      e.interactions += v.interactions
      e.generations += v.generations
      g.models.set(m, e)
    }
    groups.set(k, g)
  }
  const rows: TeamDayModel[] = []
  let suppressed = 0
  for (const g of groups.values()) {
    if (!g.totals && g.people.size < MIN_TEAM_PEOPLE) { suppressed++; continue }
    for (const [model, v] of g.models) rows.push({ teamKey: g.teamKey, day: g.day, model, interactions: v.interactions, generations: v.generations, teamActive: g.totals ? 0 : g.people.size })
  }
  return { rows, suppressedTeamDays: suppressed, unmatchedLines: unmatched }
}
