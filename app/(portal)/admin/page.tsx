import type { Metadata } from 'next'
import Link from 'next/link'
import { requirePageUser } from '@/lib/auth/guard'
import { getSignInPolicy, listUsers } from '@/lib/admin/queries'
import { updateAuthPolicyAction } from '@/lib/admin/actions'
import { ROLES, ROLE_LABELS } from '@/lib/auth/permissions'
import { SECTIONS } from '@/components/shell/sections'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { buttonClasses } from '@/components/ui/button'
import { UserRow } from '@/components/admin/user-row'

export const metadata: Metadata = { title: 'Admin' }

const section = SECTIONS.admin

type SearchParams = Promise<Record<string, string | string[] | undefined>>

function one(v: string | string[] | undefined) {
  return Array.isArray(v) ? v[0] : v
}

export default async function AdminPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser('admin.access', section.href)
  const sp = await searchParams
  const [result, policy] = await Promise.all([
    listUsers(user, { q: one(sp.q), role: one(sp.role) as never, status: one(sp.status) as never, page: one(sp.page) as never }),
    getSignInPolicy(user),
  ])
  // Set by updateAuthPolicyAction's redirect (the only form on this page that redirects back).
  const policyNotice = one(sp.notice)?.slice(0, 300) ?? null
  const policyError = one(sp.error)?.slice(0, 300) ?? null
  const pageHref = (page: number) => {
    const params = new URLSearchParams()
    if (result.q) params.set('q', result.q)
    if (result.role) params.set('role', result.role)
    if (result.status !== 'all') params.set('status', result.status)
    params.set('page', String(page))
    return `/admin?${params}`
  }

  return (
    <div className="space-y-6">
      <PageHeader title="Admin" description={section.summary} icon={<section.Icon className="size-5" />} />
      <nav aria-label="Admin sections" className="text-sm">
        <Link className="underline underline-offset-2" href="/admin/webhooks">Webhooks and delivery log</Link>
      </nav>

      <section aria-labelledby="sign-in-policy" className="space-y-3">
        <h2 id="sign-in-policy" className="text-base font-semibold text-fg">
          Sign-in policy
        </h2>
        <form action={updateAuthPolicyAction} className="flex flex-wrap items-center gap-4 rounded-xl border border-line bg-surface p-4">
          <input type="hidden" name="version" value={policy.version} />
          <label className="inline-flex items-center gap-2 text-sm text-fg">
            <input type="checkbox" name="requireSecondFactor" defaultChecked={policy.requireSecondFactor} key={`policy-${policy.version}`} className="size-4" />
            Require a second factor for leaders and admins who sign in with a password
          </label>
          <button type="submit" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
            Save policy
          </button>
          <p className="w-full text-xs text-fg-muted">
            Single sign-on accounts are exempt (their identity provider handles it). Leaders and admins without an authenticator app are sent to set one
            up right after their password, and can do nothing else until they have.
          </p>
          {policyError ? (
            <p role="alert" className="w-full text-sm text-danger">
              {policyError}
            </p>
          ) : policyNotice ? (
            <p role="status" className="w-full text-sm text-fg-muted">
              {policyNotice}
            </p>
          ) : null}
        </form>
      </section>

      <section aria-labelledby="people" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h2 id="people" className="text-base font-semibold text-fg">
              People
            </h2>
            <p className="text-sm text-fg-muted">
              Role and access take effect on the person’s next request. Disabling an account ends its sessions.
            </p>
          </div>
          <form method="get" action="/admin" role="search" aria-label="Find people" className="flex flex-wrap items-end gap-2">
            <label className="text-sm text-fg">
              <span className="block text-xs text-fg-muted">Name or email</span>
              <input name="q" defaultValue={result.q} className="mt-1 h-9 w-56 rounded-md border border-line-strong bg-surface px-2 text-sm" />
            </label>
            <label className="text-sm text-fg">
              <span className="block text-xs text-fg-muted">Role</span>
              <select name="role" defaultValue={result.role ?? ''} className="mt-1 h-9 rounded-md border border-line-strong bg-surface px-2 text-sm">
                <option value="">Any</option>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-sm text-fg">
              <span className="block text-xs text-fg-muted">Status</span>
              <select name="status" defaultValue={result.status} className="mt-1 h-9 rounded-md border border-line-strong bg-surface px-2 text-sm">
                <option value="all">All</option>
                <option value="active">Active</option>
                <option value="disabled">Disabled</option>
              </select>
            </label>
            <button type="submit" className={buttonClasses({ variant: 'secondary', size: 'sm', className: 'h-9' })}>
              Search
            </button>
          </form>
        </div>

        {result.users.length === 0 ? (
          <EmptyState title="Nobody matches" headingLevel={3}>
            <p>No account matches this search. Clear the filters to see everyone.</p>
          </EmptyState>
        ) : (
          <div className="overflow-x-auto rounded-xl border border-line bg-surface px-4">
            <table className="w-full text-sm">
              <caption className="sr-only">People with access to Paceline, {result.total} in all</caption>
              <thead>
                <tr className="text-left text-xs text-fg-muted">
                  <th scope="col" className="py-2 pr-4 font-medium">Person</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Team</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Sign-in</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Role</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Access</th>
                  <th scope="col" className="py-2 text-right font-medium"><span className="sr-only">Save</span></th>
                </tr>
              </thead>
              <tbody>
                {result.users.map((u) => (
                  <UserRow key={u.id} user={u} isSelf={u.id === user.id} />
                ))}
              </tbody>
            </table>
          </div>
        )}

        <nav aria-label="Pages of people" className="flex items-center justify-between text-sm text-fg-muted">
          <span>
            {result.total} {result.total === 1 ? 'person' : 'people'} · page {result.page} of {result.pageCount}
          </span>
          <span className="flex gap-2">
            {result.page > 1 ? <Link className={buttonClasses({ variant: 'ghost', size: 'sm' })} href={pageHref(result.page - 1)}>Previous</Link> : null}
            {result.page < result.pageCount ? <Link className={buttonClasses({ variant: 'ghost', size: 'sm' })} href={pageHref(result.page + 1)}>Next</Link> : null}
          </span>
        </nav>
      </section>
    </div>
  )
}
