import Link from 'next/link'
import { BrandMark } from '@/components/shell/brand-mark'
import { MainNav, type MainNavLink } from '@/components/shell/main-nav'
import { QuickFinder } from '@/components/shell/quick-finder'
import { SignOutButton } from '@/components/shell/sign-out-button'
import { ThemeToggle } from '@/components/shell/theme-toggle'
import { UserIdentity } from '@/components/shell/user-identity'
import type { Theme } from '@/components/shell/theme'
import { KIND_LABELS } from '@/lib/training/schemas'
import { UnreadBadge } from '@/components/notifications/unread-badge'

/**
 * The portal header: brand (home link), the main nav, then who is signed in, the theme and sign
 * out. Below `xl` the nav wraps onto a second row that scrolls sideways if it must.
 */
export function AppHeader({
  user,
  navItems,
  theme,
  unread = 0,
}: {
  user: { name: string; roleLabel: string }
  navItems: MainNavLink[]
  theme: Theme
  unread?: number
}) {
  return (
    <header className="sticky top-0 z-40 border-b border-line bg-surface/90 backdrop-blur-md">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 px-4 sm:px-6 xl:flex-nowrap xl:gap-x-8">
        <Link href="/" aria-label="Paceline home" className="flex h-14 shrink-0 items-center gap-2.5 rounded-md">
          <BrandMark />
          <span className="hidden text-[0.9375rem] font-semibold tracking-tight text-fg sm:inline">Paceline</span>
        </Link>
        <MainNav
          items={navItems}
          className="order-last -mx-4 w-[calc(100%+2rem)] border-t border-line px-2.5 sm:-mx-6 sm:w-[calc(100%+3rem)] sm:px-4 xl:order-none xl:mx-0 xl:w-auto xl:min-w-0 xl:flex-1 xl:border-t-0 xl:px-0"
        />
        <div className="ml-auto flex min-w-0 items-center gap-3 xl:ml-0">
          <QuickFinder kindLabels={KIND_LABELS} />
          <UnreadBadge count={unread} />
          <UserIdentity name={user.name} roleLabel={user.roleLabel} />
          <span aria-hidden="true" className="hidden h-6 w-px bg-line sm:block" />
          <ThemeToggle initial={theme} />
          <SignOutButton />
        </div>
      </div>
    </header>
  )
}
