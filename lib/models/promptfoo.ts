import { FileRejectedError } from '@/lib/intake/errors'
import { decodeFile } from '@/lib/intake/decode'
import type { RowError } from '@/lib/intake/types'

// promptfoo results files: what `promptfoo eval --output results.json` writes.
// Accepted (docs/model-changes.md): the current layout { evalId, results: { version: 3, timestamp,
// prompts, results: EvaluateResult[], stats }, config, ... } and the older { results: { version: 2,
// results: [...], table, stats } }. Each EvaluateResult names its provider ({ id, label } or a
// string id), `success` (pass/fail), `score`, `testIdx` and `promptIdx`. Anything else is refused.

export const PROMPTFOO_VERSIONS = [2, 3] as const

export interface PromptfooRow { line: number; providerId: string; providerLabel: string | null; success: boolean; score: number | null; testIdx: number | null; promptIdx: number | null }
export interface PromptfooParsed { evalId: string | null; version: number; rows: PromptfooRow[]; errors: RowError[] }

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function parsePromptfoo(input: Uint8Array | string): PromptfooParsed {
  const text = typeof input === 'string' ? input : decodeFile(input)
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    throw new FileRejectedError('This is not a JSON file. Export the results with `promptfoo eval --output results.json`.')
  }
  if (!isObject(doc) || !isObject(doc.results)) {
    throw new FileRejectedError('This is not a promptfoo results file: it has no "results" object. Export it with `promptfoo eval --output results.json` (JSON, not CSV or HTML).')
  }
  const summary = doc.results
  const version = typeof summary.version === 'number' ? summary.version : Number.NaN
  if (!PROMPTFOO_VERSIONS.includes(version as 2 | 3)) {
    throw new FileRejectedError(`Unsupported promptfoo results version ${Number.isNaN(version) ? '(none)' : version}: accepted are versions ${PROMPTFOO_VERSIONS.join(' and ')} (promptfoo 0.30 and later).`)
  }
  if (!Array.isArray(summary.results)) throw new FileRejectedError('This promptfoo file has no results.results list.')
  if (summary.results.length === 0) throw new FileRejectedError('The promptfoo file contains no test results.')
  const rows: PromptfooRow[] = []
  const errors: RowError[] = []
  summary.results.forEach((r: unknown, i: number) => {
    const line = i + 1
    if (!isObject(r)) return errors.push({ line, column: null, reason: 'Not a result object.' })
    const p = r.provider
    const providerId = typeof p === 'string' ? p : isObject(p) && typeof p.id === 'string' ? p.id : null
    const providerLabel = isObject(p) && typeof p.label === 'string' ? p.label : null
    if (!providerId) return errors.push({ line, column: 'provider.id', reason: 'The result names no provider id.' })
    if (typeof r.success !== 'boolean') return errors.push({ line, column: 'success', reason: 'The result has no pass/fail (success).' })
    const score = typeof r.score === 'number' && Number.isFinite(r.score) ? r.score : null
    rows.push({ line, providerId, providerLabel, success: r.success, score, testIdx: typeof r.testIdx === 'number' ? r.testIdx : null, promptIdx: typeof r.promptIdx === 'number' ? r.promptIdx : null })
  })
  return { evalId: typeof doc.evalId === 'string' ? doc.evalId.slice(0, 120) : null, version, rows, errors }
}

/** The model snapshot in a provider id, e.g. "anthropic:messages:claude-opus-4-7-20260915" -> "claude-opus-4-7-20260915". */
export function snapshotOfProvider(providerId: string): string {
  const parts = providerId.split(':')
  return (parts[parts.length - 1] ?? providerId).trim()
}

export interface PassRate { snapshot: string; providerIds: string[]; passed: number; total: number; meanScore: number | null }

/** Pass/fail and mean score per model snapshot. */
export function passRates(rows: readonly PromptfooRow[]): PassRate[] {
  const by = new Map<string, PassRate & { scoreSum: number; scored: number }>()
  for (const r of rows) {
    const snapshot = snapshotOfProvider(r.providerId)
    const e = by.get(snapshot) ?? { snapshot, providerIds: [], passed: 0, total: 0, meanScore: null, scoreSum: 0, scored: 0 }
    if (!e.providerIds.includes(r.providerId)) e.providerIds.push(r.providerId)
    e.total++
    if (r.success) e.passed++
    if (r.score !== null) { e.scoreSum += r.score; e.scored++ }
    by.set(snapshot, e)
  }
  return [...by.values()].map(({ scoreSum, scored, ...e }) => ({ ...e, meanScore: scored ? scoreSum / scored : null })).sort((a, b) => a.snapshot.localeCompare(b.snapshot))
}
