import { z } from 'zod'

// Lists that grow with the organisation (teams, groups) are shown a page at a time, filtered by
// name. Shared by the pages that do it; the filters arrive from GET forms and addresses.

/** A GET form sends every field, empty ones as "": those mean "not set". */
export const unsetIfBlank = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema)

/** ?page=: 1-based, 1 when absent. */
export const pageNumberSchema = unsetIfBlank(
  z.coerce.number({ error: 'Not a page number.' }).int({ error: 'Not a page number.' }).min(1, { error: 'Pages start at 1.' }).max(100_000, { error: 'Not a page number.' }).default(1),
)

/** ?q=: a name fragment. */
export const nameFilterSchema = unsetIfBlank(z.string().trim().max(100, { error: 'Search for at most 100 characters.' }).optional())

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en')

/** Whether `name` contains `q`, ignoring case and accents; every name matches no filter. */
export function nameMatches(name: string, q: string | undefined): boolean {
  return !q || fold(name).includes(fold(q))
}

/** One page of a list; a page past the end shows the last one. */
export function pageOf<T>(items: T[], page: number, size: number): { items: T[]; page: number; pages: number; total: number; first: number; last: number } {
  const pages = Math.max(1, Math.ceil(items.length / size))
  const current = Math.min(Math.max(1, Math.trunc(page)), pages)
  const start = (current - 1) * size
  const slice = items.slice(start, start + size)
  return { items: slice, page: current, pages, total: items.length, first: slice.length ? start + 1 : 0, last: start + slice.length }
}

/**
 * ?edit=<id>: the one row of a list whose edit form is open. Lists render a link per row instead of a
 * form per row, which would grow the page by kilobytes per row. Anything but an id opens none.
 */
export const openEditorSchema = z.object({ edit: z.uuid().optional().catch(undefined) })

/**
 * A list page's filters from its address (the first value of each parameter), read with `schema`.
 * An address it cannot read gives the defaults and the reasons, for the page to show beside the
 * unfiltered list instead of an error page.
 */
export function readListQuery<S extends z.ZodType>(schema: S, params: Record<string, string | string[] | undefined>): { query: z.output<S>; errors: string[] } {
  const raw = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]))
  const parsed = schema.safeParse(raw)
  if (parsed.success) return { query: parsed.data, errors: [] }
  return { query: schema.parse({}), errors: parsed.error.issues.map((i) => i.message) }
}
