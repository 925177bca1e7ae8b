import { HeaderIndex, normaliseHeader, type CsvRow, type CsvTable } from '@/lib/intake/csv'
import { FileRejectedError } from '@/lib/intake/errors'
import type { ColumnMapping, RowError, SurveyImportHeader } from '@/lib/intake/types'

// What every format mapper returns: per row either the canonical field values (validated later
// by the kind's zod schema), a row error, or a deliberate skip.

export interface MappedRow {
  line: number
  values?: Record<string, unknown>
  error?: RowError
  skip?: string
}

export interface FormatOutput {
  source: string
  columns: ColumnMapping[]
  ignored: string[]
  dropped: string[]
  rows: MappedRow[]
  /** Canonical field -> the column name used in error messages. */
  columnOf: Record<string, string>
  survey?: SurveyImportHeader
}

export interface FieldSpec {
  field: string
  aliases: string[]
  required?: boolean
}

export interface ResolvedColumns {
  cols: Record<string, number | undefined>
  columns: ColumnMapping[]
  columnOf: Record<string, string>
  used: Set<number>
}

/** Maps canonical fields to columns; a missing required column rejects the whole file. */
export function resolveColumns(index: HeaderIndex, specs: FieldSpec[], formatLabel: string): ResolvedColumns {
  const cols: Record<string, number | undefined> = {}
  const columns: ColumnMapping[] = []
  const columnOf: Record<string, string> = {}
  const used = new Set<number>()
  const missing: FieldSpec[] = []
  for (const s of specs) {
    const i = index.find(s.aliases)
    cols[s.field] = i
    columns.push({ field: s.field, column: i === undefined ? null : index.header[i] })
    columnOf[s.field] = i === undefined ? s.aliases[0] : index.header[i]
    if (i !== undefined) used.add(i)
    else if (s.required) missing.push(s)
  }
  if (missing.length) {
    throw new FileRejectedError(
      `The ${formatLabel} file has no ${missing.map((m) => `"${m.aliases[0]}"`).join(', ')} column${missing.length > 1 ? 's' : ''} (required). Found columns: ${index.header.filter(Boolean).slice(0, 30).join(', ')}.`,
    )
  }
  return { cols, columns, columnOf, used }
}

export function cell(row: CsvRow, i: number | undefined): string | undefined {
  if (i === undefined) return undefined
  const v = row.cells[i]
  return v === undefined ? undefined : v.trim()
}

/** A row with more or fewer cells than the header is reported, never shifted into other columns. */
export function widthError(row: CsvRow, table: CsvTable): RowError | null {
  const n = table.header.length
  if (row.cells.length === n) return null
  if (row.cells.length > n) {
    const extra = row.cells.slice(n)
    if (extra.every((c) => c.trim() === '')) return null
    return { line: row.line, column: null, reason: `the row has ${row.cells.length} cells but the header has ${n} columns (an unquoted delimiter or an extra column?)` }
  }
  return { line: row.line, column: null, reason: `the row has ${row.cells.length} cells but the header has ${n} columns (missing columns)` }
}

export function ignoredColumns(header: string[], used: Set<number>): string[] {
  return header.filter((h, i) => h && !used.has(i))
}

/** Case-, space- and punctuation-insensitive key lookup in a JSON object. */
export function jsonField(obj: Record<string, unknown>, aliases: string[]): unknown {
  for (const a of aliases) if (a in obj) return obj[a]
  const want = new Set(aliases.map(normaliseHeader))
  for (const [k, v] of Object.entries(obj)) if (want.has(normaliseHeader(k))) return v
  return undefined
}

export function asText(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined
  if (typeof v === 'string') return v.trim()
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return undefined
}

/** The JSON value as a list of objects, or a clear rejection. */
export function objectList(value: unknown, keys: string[], what: string): Array<Record<string, unknown>> {
  let list: unknown = value
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const key = keys.find((k) => Array.isArray((value as Record<string, unknown>)[k]))
    if (!key) throw new FileRejectedError(`The JSON has no list of ${what} (expected an array${keys.length ? ` or an object with ${keys.map((k) => `"${k}"`).join(' or ')}` : ''}).`)
    list = (value as Record<string, unknown>)[key]
  }
  if (!Array.isArray(list)) throw new FileRejectedError(`The JSON is not a list of ${what}.`)
  if (list.length === 0) throw new FileRejectedError(`The file contains no ${what}.`)
  return list.map((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw new FileRejectedError(`Record ${i + 1} of the JSON is not an object.`)
    return item as Record<string, unknown>
  })
}
