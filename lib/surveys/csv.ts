// CSV for the survey exports (RFC 4180, CRLF). Text cells that a spreadsheet would run as a
// formula (= + - @, also after a tab or carriage return) get a leading apostrophe. Numbers are
// written as numbers (a negative number is data, not a formula).

export type CsvCell = string | number | null | undefined

export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

function cell(v: CsvCell): string {
  if (v === null || v === undefined) return ''
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : neutraliseCell(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function toCsv(rows: CsvCell[][]): string {
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}
