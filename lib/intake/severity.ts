import { z } from 'zod'
import type { SeverityName } from '@/lib/intake/types'

// Sources have their own severity scales; Paceline has SEV1 (worst) .. SEV4. The mappings are
// settings (IntakeSetting rows "severity.pagerduty" / "severity.incidentio"), editable by leaders
// with optimistic locking. These are the defaults, documented in docs/import-formats.md.

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const
const sev = z.enum(SEVERITIES)

export const pagerDutyMappingSchema = z.object({
  /** priority_name (P1..P5 or your own names) -> severity; wins over urgency. */
  priorities: z.record(z.string().trim().min(1).max(60), sev),
  /** Incidents flagged `major` get at least this severity. */
  major: sev,
  /** Used when an incident has no priority. */
  urgency: z.object({ high: sev, low: sev }),
})
export type PagerDutyMapping = z.infer<typeof pagerDutyMappingSchema>

export const incidentIoMappingSchema = z.object({
  /** Severity name (case-insensitive) -> severity. */
  names: z.record(z.string().trim().min(1).max(60), sev),
  /** Severity rank -> severity, used when the name is not in `names` (incident.io: higher rank = more severe). */
  ranks: z.record(z.string().regex(/^\d+$/), sev),
})
export type IncidentIoMapping = z.infer<typeof incidentIoMappingSchema>

export const DEFAULT_PAGERDUTY_MAPPING: PagerDutyMapping = {
  priorities: { P1: 'SEV1', P2: 'SEV2', P3: 'SEV3', P4: 'SEV4', P5: 'SEV4' },
  major: 'SEV1',
  urgency: { high: 'SEV2', low: 'SEV4' },
}

export const DEFAULT_INCIDENTIO_MAPPING: IncidentIoMapping = {
  names: { critical: 'SEV1', major: 'SEV2', minor: 'SEV3', low: 'SEV4', sev1: 'SEV1', sev2: 'SEV2', sev3: 'SEV3', sev4: 'SEV4', p1: 'SEV1', p2: 'SEV2', p3: 'SEV3', p4: 'SEV4' },
  ranks: {},
}

export interface SeverityMappings {
  pagerduty: PagerDutyMapping
  incidentio: IncidentIoMapping
}

export const DEFAULT_MAPPINGS: SeverityMappings = { pagerduty: DEFAULT_PAGERDUTY_MAPPING, incidentio: DEFAULT_INCIDENTIO_MAPPING }

const RANK: Record<SeverityName, number> = { SEV1: 1, SEV2: 2, SEV3: 3, SEV4: 4 }
const worst = (a: SeverityName, b: SeverityName): SeverityName => (RANK[a] <= RANK[b] ? a : b)

export type SeverityOutcome = { severity: SeverityName; label: string } | { error: string }

/** PagerDuty: `major` first, then priority_name, then urgency. */
export function mapPagerDutySeverity(m: PagerDutyMapping, input: { priority: string; major: boolean; urgency: string }): SeverityOutcome {
  const priority = input.priority.trim()
  const urgency = input.urgency.trim().toLowerCase()
  let base: SeverityName | null = null
  let label = ''
  if (priority) {
    const hit = Object.entries(m.priorities).find(([k]) => k.toLowerCase() === priority.toLowerCase())
    if (!hit) return { error: `unknown priority "${priority}" (the severity mapping knows ${Object.keys(m.priorities).join(', ')}; add it under Severity mapping)` }
    base = hit[1]
    label = priority
  } else if (urgency) {
    if (urgency !== 'high' && urgency !== 'low') return { error: `unknown urgency "${input.urgency}" (expected high or low)` }
    base = m.urgency[urgency]
    label = `urgency ${urgency}`
  }
  if (input.major) return { severity: base ? worst(base, m.major) : m.major, label: label ? `${label}, major` : 'major' }
  if (!base) return { error: 'no priority, major flag or urgency to derive a severity from' }
  return { severity: base, label }
}

/** incident.io: the severity's name through the mapping, else its rank. */
export function mapIncidentIoSeverity(m: IncidentIoMapping, input: { name: string; rank: number | null }): SeverityOutcome {
  const name = input.name.trim()
  const key = name.toLowerCase().replace(/\s+/g, '')
  const hit = Object.entries(m.names).find(([k]) => k.toLowerCase().replace(/\s+/g, '') === key)
  const label = input.rank !== null ? `${name} (rank ${input.rank})` : name
  if (hit) return { severity: hit[1], label }
  const generic = genericSeverity(name)
  if (generic) return { severity: generic, label }
  if (input.rank !== null && m.ranks[String(input.rank)]) return { severity: m.ranks[String(input.rank)], label }
  if (!name && input.rank === null) return { error: 'no severity' }
  return { error: `unknown severity "${name || `rank ${input.rank}`}" (the severity mapping knows ${Object.keys(m.names).join(', ')}; add it under Severity mapping)` }
}

/** SEV1..SEV4 in the spellings people use: "SEV1", "sev 2", "Sev-3", "1". */
export function genericSeverity(raw: string): SeverityName | null {
  const m = /^(?:sev(?:erity)?)?[\s_-]*([1-4])$/i.exec(raw.trim())
  return m ? (`SEV${m[1]}` as SeverityName) : null
}
