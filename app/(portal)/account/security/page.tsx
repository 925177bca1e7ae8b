import type { Metadata } from 'next'
import { requireAccountPageSession } from '@/lib/auth/guard'
import { getMySecondFactor, listMySessions } from '@/lib/auth/account/queries'
import { PageHeader } from '@/components/ui/page-header'
import { LockIcon } from '@/components/ui/icons'
import { SignOutButton } from '@/components/shell/sign-out-button'
import { SecondFactorSetup } from './second-factor-setup'
import { DisableSecondFactor } from './disable-second-factor'
import { RevokeSessionButton, SignOutEverywhere } from './session-controls'

export const metadata: Metadata = { title: 'Account security' }

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
const METHOD_LABELS = { password: 'Password', sso: 'SSO' } as const

/** Every signed-in role: one's own second factor and sessions. Also the only page an enrol-only session may see. */
export default async function AccountSecurityPage() {
  const { user, sessionId, secondFactorPending } = await requireAccountPageSession()
  const factor = await getMySecondFactor(user)

  if (secondFactorPending) {
    return (
      // The portal shell is not shown to an enrol-only session (it is nobody to the rest of the app).
      <main id="main" className="mx-auto max-w-2xl space-y-6 px-4 py-10">
        <PageHeader
          title="Set up a second factor"
          description="Your organisation requires a second factor for leaders and admins who sign in with a password. Set up an authenticator app to continue."
          icon={<LockIcon className="size-5" />}
        />
        <SecondFactorSetup email={user.email} continueTo="/" />
        <div className="flex items-center justify-between gap-4 border-t border-line pt-4 text-sm text-fg-muted">
          <span>Signed in as {user.email}</span>
          <SignOutButton />
        </div>
      </main>
    )
  }

  const sessions = await listMySessions(user, sessionId)

  return (
    <div className="space-y-8">
      <PageHeader title="Account security" description="Your second factor and the places you are signed in." icon={<LockIcon className="size-5" />} />

      <section aria-labelledby="second-factor" className="space-y-3">
        <h2 id="second-factor" className="text-base font-semibold text-fg">
          Second factor
        </h2>
        {factor.enabled ? (
          <div className="space-y-4 rounded-xl border border-line bg-surface p-5">
            <p className="text-sm text-fg">
              <strong>On</strong> since {when.format(factor.enabledAt!)} UTC: signing in with your password also asks for a code from your authenticator app.
              {' '}
              {factor.recoveryCodesLeft} of 10 recovery codes left.
            </p>
            <DisableSecondFactor />
          </div>
        ) : (
          <div className="space-y-4 rounded-xl border border-line bg-surface p-5">
            <p className="text-sm text-fg-muted">
              <strong className="text-fg">Off.</strong> With an authenticator app (any app that supports time-based codes), signing in with your password also needs a
              6-digit code from your phone. Single sign-on accounts use their identity provider&apos;s second factor instead.
            </p>
            <SecondFactorSetup email={user.email} />
          </div>
        )}
      </section>

      <section aria-labelledby="sessions" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h2 id="sessions" className="text-base font-semibold text-fg">
              Where you are signed in
            </h2>
            <p className="text-sm text-fg-muted">Ending a session signs that browser out at its next request.</p>
          </div>
          <SignOutEverywhere />
        </div>
        <div className="overflow-x-auto rounded-xl border border-line bg-surface px-4">
          <table className="w-full text-sm">
            <caption className="sr-only">Your active sessions, {sessions.length} in all</caption>
            <thead>
              <tr className="text-left text-xs text-fg-muted">
                <th scope="col" className="py-2 pr-4 font-medium">Browser</th>
                <th scope="col" className="py-2 pr-4 font-medium">Signed in with</th>
                <th scope="col" className="py-2 pr-4 font-medium">Signed in (UTC)</th>
                <th scope="col" className="py-2 pr-4 font-medium">Last seen (UTC)</th>
                <th scope="col" className="py-2 text-right font-medium"><span className="sr-only">End</span></th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id} className="border-t border-line align-middle">
                  <th scope="row" className="py-3 pr-4 text-left font-medium text-fg">
                    {s.browser}
                    {s.current ? <span className="ml-2 rounded bg-accent-soft px-1.5 py-0.5 text-xs font-normal text-accent-text">This browser</span> : null}
                  </th>
                  <td className="py-3 pr-4 text-fg-muted">{METHOD_LABELS[s.method]}</td>
                  <td className="py-3 pr-4 text-fg-muted">{when.format(s.createdAt)}</td>
                  <td className="py-3 pr-4 text-fg-muted">{when.format(s.lastSeenAt)}</td>
                  <td className="py-3 text-right">{s.current ? <SignOutButton /> : <RevokeSessionButton sessionId={s.id} label={`${s.browser}, signed in ${when.format(s.createdAt)}`} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  )
}
