// Dates for the seed. Everything is UTC and relative to an anchor (the first day of a month), so
// the demo always looks "current" and the same anchor always gives the same data.

const DAY_MS = 86_400_000

export function startOfUtcMonth(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1))
}

/** First day of the month `offset` months after the month of `date`. */
export function addMonths(date: Date, offset: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1))
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS)
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000)
}

export function daysInMonth(monthStart: Date): number {
  return new Date(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth() + 1, 0)).getUTCDate()
}

/** Whole months from `from` to `to` (both taken as their month). */
export function monthsBetween(from: Date, to: Date): number {
  return (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth())
}

/**
 * `timestamp(3)` columns hold UTC wall-clock time without a zone (Prisma's convention). Sending a
 * zone-less string avoids node-pg's conversion to the machine's local time zone.
 */
export function sqlTimestamp(date: Date): string {
  return date.toISOString().slice(0, 23).replace('T', ' ')
}

export function sqlDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

export function compactDate(date: Date): string {
  return sqlDate(date).replace(/-/g, '')
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

export function monthName(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`
}

/** The key dates of the demo story, all derived from the anchor. */
export interface Timeline {
  anchor: Date
  /** Months of outcome history before the anchor. */
  months: number
  historyStart: Date
  planStart: Date
  expertsEnd: Date
  pilotStart: Date
  pilotPlannedEnd: Date
  broadStart: Date
  planEnd: Date
}

export function buildTimeline(anchor: Date, months: number): Timeline {
  return {
    anchor,
    months,
    historyStart: addMonths(anchor, -months),
    // A 15-month plan, eight months in: three months of experts, five of pilot, then broad.
    planStart: addMonths(anchor, -8),
    expertsEnd: addDays(addMonths(anchor, -5), -1),
    pilotStart: addMonths(anchor, -5),
    pilotPlannedEnd: addDays(anchor, -1),
    broadStart: addMonths(anchor, 1),
    planEnd: addDays(addMonths(anchor, 7), -1),
  }
}

/** The history months, oldest first (first day of each). */
export function historyMonths(t: Timeline): Date[] {
  return Array.from({ length: t.months }, (_, i) => addMonths(t.historyStart, i))
}

/** Months since the pilot started (0 = its first month), or null before it. */
export function pilotMonth(t: Timeline, month: Date): number | null {
  const n = monthsBetween(t.pilotStart, month)
  return n >= 0 ? n : null
}

/** Months since the plan started (0 = its first month), or null before it. */
export function planMonth(t: Timeline, month: Date): number | null {
  const n = monthsBetween(t.planStart, month)
  return n >= 0 ? n : null
}
