'use client'

import Link from 'next/link'
import { Wordmark } from '@/components/shell/brand-mark'
import { buttonClasses } from '@/components/ui/button'
import { CompassIcon, LockIcon } from '@/components/ui/icons'
import { StatusPage } from '@/components/ui/status-page'

// The bodies of the 404, 403 and 401 pages, loaded only when one is shown (status-views.tsx).
// At the root they are the whole page (and bring the <main> landmark); inside the portal they sit
// in the shell's <main> so the navigation stays usable.

function HomeLink() {
  return (
    <Link href="/" className={buttonClasses()}>
      Go to the home page
    </Link>
  )
}

export function NotFoundView({ inShell = false }: { inShell?: boolean }) {
  const body = (
    <StatusPage fill={!inShell} above={inShell ? null : <Wordmark />} code="404" icon={<CompassIcon className="size-5" />} title="Page not found" actions={<HomeLink />}>
      <p>The address may be mistyped, or the page has moved. The home page links to every section you can use.</p>
    </StatusPage>
  )
  return inShell ? body : <main id="main">{body}</main>
}

export function ForbiddenView({ inShell = false }: { inShell?: boolean }) {
  const body = (
    <StatusPage
      fill={!inShell}
      above={inShell ? null : <Wordmark />}
      code="403"
      icon={<LockIcon className="size-5" />}
      title="You don't have access to this page"
      actions={<HomeLink />}
    >
      <p>Your role does not include this page. If you need it for your work, ask an admin.</p>
    </StatusPage>
  )
  return inShell ? body : <main id="main">{body}</main>
}

/** 401: nothing calls unauthorized() today (signed-out pages redirect to sign-in); this replaces Next's bare default. */
export function UnauthorizedView() {
  return (
    <main id="main">
      <StatusPage
        fill
        above={<Wordmark />}
        code="401"
        icon={<LockIcon className="size-5" />}
        title="Sign in to see this page"
        actions={
          <Link href="/sign-in" className={buttonClasses()}>
            Sign in
          </Link>
        }
      >
        <p>Your session has ended or you have not signed in yet.</p>
      </StatusPage>
    </main>
  )
}
