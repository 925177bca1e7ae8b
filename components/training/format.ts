// Dates as readers see them across the training pages. UTC, so the server render and the browser
// agree (no hydration mismatch) and everyone reads the same day for a publish date.

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

/** "12 Mar 2026" */
export function formatDate(iso: string | Date): string {
  return DATE.format(typeof iso === 'string' ? new Date(iso) : iso)
}

/** "1 module" / "3 modules" */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`
}

/** Model version status as the training pages name it (the model registry owns the values). */
export const MODEL_STATUS_LABELS: Record<string, string> = {
  EVALUATING: 'Evaluating',
  APPROVED: 'Approved',
  DEFAULT: 'Default',
  RETIRED: 'Retired',
}
