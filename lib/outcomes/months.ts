// Calendar months as 'YYYY-MM' strings (UTC). Pure: used by queries, schemas and charts alike.

export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/

export function monthKey(date: Date): string {
  return date.toISOString().slice(0, 7)
}

/** First day of the month, UTC. */
export function monthStart(key: string): Date {
  const m = MONTH_PATTERN.exec(key)
  if (!m) throw new Error(`not a month: ${key}`)
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1))
}

export function addMonthsToKey(key: string, n: number): string {
  const d = monthStart(key)
  return monthKey(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1)))
}

/** Whole months from a to b (b - a). */
export function monthDiff(a: string, b: string): number {
  const x = monthStart(a)
  const y = monthStart(b)
  return (y.getUTCFullYear() - x.getUTCFullYear()) * 12 + (y.getUTCMonth() - x.getUTCMonth())
}

/** Every month from `from` to `to`, both included. */
export function monthRange(from: string, to: string): string[] {
  const n = monthDiff(from, to)
  return Array.from({ length: Math.max(0, n + 1) }, (_, i) => addMonthsToKey(from, i))
}

const NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** 'Mar 2026' */
export function monthLabel(key: string): string {
  const d = monthStart(key)
  return `${NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`
}
