import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { requirePageUser } from '@/lib/auth/guard'
import { isAppError } from '@/lib/errors'
import { listAudit, listAuditEntityTypes, type AuditPage } from '@/lib/audit/queries'
import { AUDIT_FILTER_KEYS, auditParams, auditQueryString, type AuditFilter } from '@/lib/audit/schemas'
import { PageHeader } from '@/components/ui/page-header'
import { EmptyState } from '@/components/ui/empty-state'
import { ShieldIcon } from '@/components/ui/icons'
import { buttonClasses } from '@/components/ui/button'
import { AuditFilters } from './filters'
import { AuditTable } from './table'

export const metadata: Metadata = { title: 'Audit log' }
export const dynamic = 'force-dynamic'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default async function AuditPageView({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser('audit.view', '/audit')
  const received = await searchParams
  const raw = auditParams(received)
  // The filter form sends every field, empty ones too: keep shareable URLs short.
  if (Object.keys(received).length !== Object.keys(raw).length) redirect(`/audit${Object.keys(raw).length ? `?${new URLSearchParams(raw)}` : ''}`)
  let page: (AuditPage & { filter: AuditFilter }) | null = null
  let fieldErrors: Record<string, string[]> = {}
  try {
    page = await listAudit(user, raw)
  } catch (err) {
    if (!isAppError(err) || err.code !== 'INVALID_INPUT') throw err
    fieldErrors = err.fieldErrors ?? {}
  }
  const entityTypes = await listAuditEntityTypes(user)
  const filter = page?.filter ?? null
  const filtered = AUDIT_FILTER_KEYS.some((k) => raw[k])
  const olderHref = page?.nextCursor ? `/audit${auditQueryString(page.filter, { cursor: page.nextCursor })}` : null
  const exportHref = filter ? `/api/v1/audit/export${auditQueryString(filter)}` : null

  return (
    <div className="space-y-6">
      <PageHeader
        title="Audit log"
        icon={<ShieldIcon className="size-5" />}
        description="Every change made in Paceline: who made it, what changed (before and after) and when. Entries cannot be edited or deleted. This is an access log; it does not measure anyone’s work."
      />
      <AuditFilters values={raw} errors={fieldErrors} entityTypes={entityTypes} />

      {page === null ? (
        <p role="alert" className="rounded-md border border-danger/40 bg-surface p-3 text-sm text-fg">
          Some filters need attention: fix them above and apply again.
        </p>
      ) : page.items.length === 0 ? (
        <EmptyState title={filtered ? 'No entries match these filters' : 'Nothing recorded yet'}>
          <p>{filtered ? 'Widen the date range or remove a filter.' : 'Changes made in Paceline will appear here as they happen.'}</p>
          {filtered ? (
            <p>
              <Link href="/audit" className="underline underline-offset-2">Clear all filters</Link>
            </p>
          ) : null}
        </EmptyState>
      ) : (
        <section aria-labelledby="audit-results" className="space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="audit-results" className="text-base font-semibold text-fg">
              {raw.cursor ? 'Older entries' : 'Latest entries'}
              <span className="ml-2 text-sm font-normal text-fg-muted">({page.items.length} shown, newest first)</span>
            </h2>
            {exportHref ? (
              <a href={exportHref} download className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
                Export CSV<span className="sr-only"> of every entry matching these filters</span>
              </a>
            ) : null}
          </div>
          <AuditTable items={page.items} />
          <nav aria-label="Audit log pages" className="flex flex-wrap gap-3 text-sm">
            {raw.cursor ? (
              <Link href={`/audit${auditQueryString(page.filter)}`} className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
                Newest entries
              </Link>
            ) : null}
            {olderHref ? (
              <Link href={olderHref} className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
                Older entries
              </Link>
            ) : (
              <p className="text-fg-muted">End of the log for these filters.</p>
            )}
          </nav>
        </section>
      )}
    </div>
  )
}
