// CSV export shared by every table and chart. Cells that a spreadsheet would run as a formula
// (starting with = + - @, or a tab / carriage return followed by one) are neutralised with a
// leading apostrophe (OWASP "CSV injection"); numbers are written as numbers.

const FORMULA_START = /^[=+\-@\t\r]/

export type CsvCell = string | number | boolean | null | undefined

/** One cell as text: formula-looking strings are prefixed with ', then quoted when needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  let text = String(value)
  if (FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

/** A whole CSV document (header row first, CRLF line ends as RFC 4180 says). */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** A safe file name for a download: letters, digits, dashes. */
export function csvFileName(base: string): string {
  const slug = base.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80)
  return `${slug || 'export'}.csv`
}
