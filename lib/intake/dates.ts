// Dates as the sources write them. Times without a zone are read as UTC (the dashboards work in
// whole days and months, so a zone offset never moves an incident by more than a day).

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11,
}

export const EARLIEST_DATE = new Date(Date.UTC(2000, 0, 1))

function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date | null {
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null
  const date = new Date(Date.UTC(y, mo, d, h, mi, s))
  // Refuse 31/Feb and friends instead of rolling over into the next month.
  if (date.getUTCMonth() !== mo || date.getUTCDate() !== d) return null
  return date
}

function year(y: string): number {
  const n = Number(y)
  return y.length <= 2 ? 2000 + n : n
}

function hour(h: string, ampm: string | undefined): number {
  let n = Number(h)
  if (!ampm) return n
  const pm = ampm.toLowerCase() === 'pm'
  if (n === 12) n = 0
  return pm ? n + 12 : n
}

/**
 * Parses ISO 8601 (with or without zone), `2024-05-11 15:26[:00]`, Jira's `11/May/24 03:26 PM`,
 * `6/21/2025 16:14` (month first, as Jira Cloud writes it for US locales; a first number above 12
 * is read as the day), `Sat Jun 15 2024`, and `2024-05` (a month). Returns null when unreadable.
 */
export function parseDate(raw: string): Date | null {
  const s = raw.trim()
  if (!s) return null
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC)?$/i.exec(s)
  if (m) {
    const base = utc(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0))
    if (!base) return null
    const zone = m[7]
    if (zone && zone.toUpperCase() !== 'Z' && zone.toUpperCase() !== 'UTC') {
      const z = /([+-])(\d{2}):?(\d{2})/.exec(zone)!
      const offset = (Number(z[2]) * 60 + Number(z[3])) * (z[1] === '+' ? 1 : -1)
      return new Date(base.getTime() - offset * 60_000)
    }
    return base
  }
  m = /^(\d{4})-(\d{2})$/.exec(s)
  if (m) return utc(+m[1], +m[2] - 1, 1)
  // Jira: 11/May/24 03:26 PM, 11/May/2024 15:26
  m = /^(\d{1,2})[/ -]([A-Za-z]{3,4})[/ -](\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/.exec(s)
  if (m) {
    const mo = MONTHS[m[2].toLowerCase()]
    if (mo === undefined) return null
    return utc(year(m[3]), mo, +m[1], m[4] ? hour(m[4], m[7]) : 0, +(m[5] ?? 0), +(m[6] ?? 0))
  }
  // 6/21/2025 16:14, 21/06/2025 16:14, 6/21/25 4:14 PM, 21.06.2025
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/.exec(s)
  if (m) {
    let mo = +m[1]
    let d = +m[2]
    if (mo > 12 || s.includes('.')) [mo, d] = [d, mo]
    return utc(year(m[3]), mo - 1, d, m[4] ? hour(m[4], m[7]) : 0, +(m[5] ?? 0), +(m[6] ?? 0))
  }
  // Date.toDateString(): "Sat Jun 15 2024"; "Jun 15, 2024"
  m = /^(?:[A-Za-z]{3},?\s+)?([A-Za-z]{3,9})\s+(\d{1,2}),?\s+(\d{4})$/.exec(s)
  if (m) {
    const mo = MONTHS[m[1].slice(0, 3).toLowerCase()]
    if (mo === undefined) return null
    return utc(+m[3], mo, +m[2])
  }
  return null
}

/** First day of the date's month (UTC). */
export function monthStart(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1))
}

export function dayStart(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
}

/** Why a date is out of the accepted range, or null. `now` allows a day of clock/zone skew. */
export function dateRangeProblem(d: Date, now: Date): string | null {
  if (d.getTime() < EARLIEST_DATE.getTime()) return `${d.toISOString().slice(0, 10)} is before 2000-01-01`
  if (d.getTime() > now.getTime() + 86_400_000) return `${d.toISOString().slice(0, 10)} is in the future`
  return null
}

export function isoDate(d: Date | null): string | null {
  return d ? d.toISOString().slice(0, 10) : null
}
