import { parse } from 'csv-parse/sync'
import { FileRejectedError } from '@/lib/intake/errors'

// CSV -> header + rows with their starting line. Quoted newlines, "" escapes, CRLF/LF and a
// trailing newline are handled by csv-parse; a row with more or fewer cells than the header is
// kept and reported by the caller (it is never silently shifted into other columns).

export interface CsvRow {
  line: number
  cells: string[]
}

export interface CsvTable {
  header: string[]
  rows: CsvRow[]
  delimiter: string
}

export function parseCsv(text: string): CsvTable {
  const delimiter = sniffDelimiter(text)
  let records: Array<{ record: string[]; info: { lines: number } }>
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      bom: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>
  } catch (err) {
    const e = err as { message?: string; lines?: number }
    throw new FileRejectedError(`The CSV cannot be read${e.lines ? ` (near line ${e.lines})` : ''}: ${cleanCsvMessage(e.message ?? String(err))}`)
  }
  if (records.length === 0) throw new FileRejectedError('The file is empty.')
  const [head, ...body] = records
  const header = head.record.map((h) => h.replace(/^\uFEFF/, '').trim())
  if (header.every((h) => h === '')) throw new FileRejectedError('The first row (the header row) is empty.')
  const rows: CsvRow[] = body
    .filter((r) => !(r.record.length === 1 && r.record[0].trim() === ''))
    .map((r) => ({ line: r.info.lines - newlinesIn(r.record), cells: r.record }))
  return { header, rows, delimiter }
}

function newlinesIn(cells: string[]): number {
  let n = 0
  for (const c of cells) for (let i = 0; i < c.length; i++) if (c.charCodeAt(i) === 10) n++
  return n
}

function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.min(text.length, 4000)).split(/\r?\n/, 1)[0] ?? ''
  const count = (ch: string) => firstLine.split(ch).length - 1
  const candidates: Array<[string, number]> = [[',', count(',')], [';', count(';')], ['\t', count('\t')]]
  candidates.sort((a, b) => b[1] - a[1])
  return candidates[0][1] > 0 ? candidates[0][0] : ','
}

function cleanCsvMessage(m: string): string {
  if (/Quote Not Closed/i.test(m)) return 'a quoted cell is never closed (a " without its closing ").'
  if (/Invalid Opening Quote/i.test(m)) return 'a quote appears in the middle of an unquoted cell.'
  if (/Invalid Closing Quote/i.test(m)) return 'a closing quote is followed by other characters.'
  return m.replace(/^CsvError: /, '')
}

/** Lower-case, no punctuation or spaces: "Started At", "started_at" and "startedAt" match. */
export function normaliseHeader(h: string): string {
  return h.replace(/^\uFEFF/, '').toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]/g, '')
}

/** Header lookup that tolerates loose names and repeated columns (Jira's several `Labels`). */
export class HeaderIndex {
  readonly byName = new Map<string, number[]>()
  constructor(readonly header: string[]) {
    header.forEach((h, i) => {
      const k = normaliseHeader(h)
      if (!k) return
      const list = this.byName.get(k)
      if (list) list.push(i)
      else this.byName.set(k, [i])
    })
  }
  /** First column whose normalised name is one of `aliases` (in alias order). */
  find(aliases: string[]): number | undefined {
    for (const a of aliases) {
      const hit = this.byName.get(normaliseHeader(a))
      if (hit) return hit[0]
    }
    return undefined
  }
  findAll(aliases: string[]): number[] {
    const out: number[] = []
    for (const a of aliases) out.push(...(this.byName.get(normaliseHeader(a)) ?? []))
    return out
  }
  has(name: string): boolean {
    return this.byName.has(normaliseHeader(name))
  }
}
