import { HeaderIndex, normaliseHeader, type CsvTable } from '@/lib/intake/csv'
import { FileRejectedError } from '@/lib/intake/errors'
import { cell, widthError, type FormatOutput, type MappedRow } from '@/lib/intake/formats/common'
import type { StandardQuestionKey, SurveyImportHeader } from '@/lib/intake/types'

// Formbricks responses export (CSV). Only `Response ID`, `Timestamp`, `Finished`, `Survey ID` and
// recognised question columns ("<n>. <headline>") are read. Everything else — `User ID`,
// `Formbricks ID (internal)`, `Notes`, `Tags`, url, user agent, country, hidden fields, variables,
// contact attributes, `Verified Email` and unrecognised questions — is dropped before any value is
// looked at and is never stored.

const QUESTION_PATTERNS: Array<[Exclude<StandardQuestionKey, 'overall'> | 'overall', RegExp]> = [
  ['tools_help', /\b(ai|tools?|assistant)\b.*\bhelp|help.*good work/i],
  ['time_to_learn', /time.*learn|learn.*time/i],
  ['workload', /workload|sustainab/i],
  ['overall', /overall|satisf/i],
  ['comment', /comment|anything else|feedback|other thoughts|free.?text|tell us more/i],
]

export function questionKey(headline: string): StandardQuestionKey | null {
  for (const [key, re] of QUESTION_PATTERNS) if (re.test(headline)) return key
  return null
}

export const FORMBRICKS_SIGNATURE = ['responseid', 'timestamp', 'finished']

export function mapFormbricksCsv(table: CsvTable, title?: string): FormatOutput {
  const index = new HeaderIndex(table.header)
  const idCol = index.find(['Response ID'])
  const tsCol = index.find(['Timestamp'])
  const finishedCol = index.find(['Finished'])
  const surveyCol = index.find(['Survey ID'])
  if (idCol === undefined || tsCol === undefined) throw new FileRejectedError('The Formbricks file has no "Response ID" or "Timestamp" column.')
  const questions: SurveyImportHeader['questions'] = []
  const questionCols = new Map<number, StandardQuestionKey>()
  table.header.forEach((h, i) => {
    const m = /^(\d+)\.\s+(.+)$/.exec(h.trim())
    if (!m || / - (option id|other)$/i.test(m[2])) return
    const key = questionKey(m[2])
    if (!key || questions.some((q) => q.key === key)) return
    questions.push({ key, prompt: m[2].slice(0, 300), column: h })
    questionCols.set(i, key)
  })
  if (questions.length === 0) {
    throw new FileRejectedError('No question of the Formbricks file matches a Paceline pulse question (overall satisfaction, "the AI tools help me do good work", time to learn the tools, sustainable workload, comment). Rename the headlines or check the file.')
  }
  const kept = new Set([idCol, tsCol, finishedCol, surveyCol, ...questionCols.keys()].filter((i): i is number => i !== undefined))
  const dropped = table.header.filter((h, i) => h && !kept.has(i))
  let surveyId: string | undefined
  const rows = table.rows.map((row): MappedRow => {
    const error = widthError(row, table)
    if (error) return { line: row.line, error }
    if (surveyCol !== undefined) surveyId ??= cell(row, surveyCol) || undefined
    const finished = (cell(row, finishedCol) ?? 'yes').toLowerCase()
    if (finished === 'no' || finished === 'false') return { line: row.line, skip: 'unfinished response' }
    const values: Record<string, unknown> = { externalId: cell(row, idCol), submittedOn: cell(row, tsCol) }
    for (const [i, key] of questionCols) values[key] = cell(row, i)
    return { line: row.line, values }
  })
  const columnOf: Record<string, string> = { externalId: 'Response ID', submittedOn: 'Timestamp' }
  for (const q of questions) columnOf[q.key] = q.column
  return {
    source: 'formbricks',
    columns: [{ field: 'externalId', column: 'Response ID' }, { field: 'submittedOn', column: 'Timestamp' }, ...questions.map((q) => ({ field: q.key, column: q.column }))],
    columnOf,
    ignored: [],
    dropped,
    rows,
    survey: {
      externalId: surveyId ?? `file-${normaliseHeader(questions.map((q) => q.prompt).join('|')).slice(0, 60)}`,
      title: title?.trim() || `Formbricks survey${surveyId ? ` ${surveyId}` : ''}`,
      questions,
    },
  }
}
