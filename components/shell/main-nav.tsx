'use client'

import { useEffect, useRef } from 'react'
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { cx } from '@/components/ui/cx'

export interface MainNavLink {
  href: string
  label: string
}

function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`)
}

/** The sections the user's role may open (from navFor), and nothing else. */
export function MainNav({ items, className }: { items: MainNavLink[]; className?: string }) {
  const pathname = usePathname() ?? '/'
  const listRef = useRef<HTMLUListElement>(null)

  // On narrow screens the list scrolls sideways: keep the current section in view.
  useEffect(() => {
    const list = listRef.current
    const current = list?.querySelector<HTMLElement>('[aria-current="page"]')
    if (!list || !current || list.scrollWidth <= list.clientWidth) return
    const l = list.getBoundingClientRect()
    const c = current.getBoundingClientRect()
    list.scrollLeft += c.left - l.left - (l.width - c.width) / 2
  }, [pathname])

  return (
    <nav aria-label="Main" className={className}>
      <ul
        ref={listRef}
        className={cx(
          '-mx-1 flex items-center gap-0.5 overflow-x-auto px-1 [scrollbar-width:none]',
          // A soft edge hints that more sections are off to the right.
          'max-xl:pr-8 max-xl:[mask-image:linear-gradient(to_right,#000_calc(100%-2rem),transparent)]',
        )}
      >
        {items.map((item) => {
          const current = isCurrent(pathname, item.href)
          return (
            <li key={item.href} className="shrink-0">
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className={cx(
                  'relative flex h-11 items-center rounded-md px-2.5 text-sm whitespace-nowrap transition-colors xl:h-14',
                  'focus-visible:outline-offset-[-6px]',
                  'after:absolute after:inset-x-2.5 after:bottom-0 after:h-0.5 after:rounded-full',
                  current
                    ? 'font-medium text-fg after:bg-accent'
                    : 'text-fg-muted hover:text-fg after:bg-transparent hover:after:bg-line',
                )}
              >
                {item.label}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
