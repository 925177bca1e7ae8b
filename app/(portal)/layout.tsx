import { cookies } from 'next/headers'
import { getSessionUser } from '@/lib/auth/session'
import { ROLE_LABELS } from '@/lib/auth/permissions'
import { navFor } from '@/lib/navigation'
import { unreadCount } from '@/lib/notifications/queries'
import { AppHeader } from '@/components/shell/app-header'
import { SessionKeepAlive } from '@/components/shell/session-keep-alive'
import { SkipLink } from '@/components/shell/skip-link'
import { parseTheme, THEME_COOKIE } from '@/components/shell/theme'

// The signed-in shell. Showing or hiding a section here is UX only: every page checks the user and
// its own permission with requirePageUser(), and every action and route handler checks again in lib/.

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser()
  // Signed out: each page redirects to sign-in itself, with its own path as the return address.
  // The layout cannot know the URL, and a redirect thrown here would win and send everyone back
  // to '/' after signing in. Pages render nothing before requirePageUser(), and data access
  // checks the user again in lib/, so no content is shown without a session.
  if (!user) return children
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value)
  const navItems = navFor(user.role).map(({ href, label }) => ({ href, label }))
  const unread = await unreadCount(user.id)

  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <AppHeader user={{ name: user.name, roleLabel: ROLE_LABELS[user.role] }} navItems={navItems} theme={theme} unread={unread} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 outline-none sm:px-6 sm:py-10">
        {children}
      </main>
      <footer className="border-t border-line">
        <p className="mx-auto max-w-6xl px-4 py-5 text-xs leading-relaxed text-fg-muted sm:px-6">
          Paceline judges the rollout by outcomes for the team, never by token counts, lines of code or comparing
          people.
        </p>
      </footer>
      <SessionKeepAlive />
    </div>
  )
}
