import type { Metadata } from 'next'
import Link from 'next/link'
import { requirePageUser } from '@/lib/auth/guard'
import { ROLE_LABELS } from '@/lib/auth/permissions'
import { navFor } from '@/lib/navigation'
import { sectionFor } from '@/components/shell/sections'
import { ArrowRightIcon } from '@/components/ui/icons'
import { ROLE_INTRO } from './role-intro'

export const metadata: Metadata = { title: 'Home' }

export default async function HomePage() {
  const user = await requirePageUser('home.view', '/')
  const sections = navFor(user.role)

  return (
    <div className="space-y-10">
      <header className="max-w-3xl">
        <p className="text-sm font-medium text-accent-text">{ROLE_LABELS[user.role]}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-fg sm:text-3xl">Welcome, {user.name}</h1>
        <div className="mt-3 space-y-2 text-[0.9375rem] leading-relaxed text-fg-muted">
          <p>
            Paceline guides the introduction of AI coding tools through your organisation in stages, from a few experts
            to pilot teams to everyone, and judges it by outcomes: fewer serious incidents, more satisfied developers
            and tech debt paid down, not usage.
          </p>
          <p>{ROLE_INTRO[user.role]}</p>
        </div>
      </header>

      <section aria-labelledby="your-sections">
        <h2 id="your-sections" className="text-sm font-semibold text-fg">
          Your sections
        </h2>
        <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {sections.map((item) => {
            const section = sectionFor(item.href)
            const Icon = section?.Icon
            return (
              <li
                key={item.href}
                className="group relative flex flex-col rounded-xl border border-line bg-surface p-5 shadow-xs transition hover:border-line-strong/70 hover:shadow-sm has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-focus"
              >
                <div className="flex items-center gap-3">
                  {Icon ? (
                    <span className="flex size-8 items-center justify-center rounded-lg bg-accent-soft text-accent-text">
                      <Icon className="size-4" />
                    </span>
                  ) : null}
                  <h3 className="text-[0.9375rem] font-semibold text-fg">
                    {/* The whole card is the click target; the link's name stays the section label. */}
                    <Link href={item.href} className="outline-none after:absolute after:inset-0 after:rounded-xl">
                      {item.label}
                    </Link>
                  </h3>
                  <ArrowRightIcon className="ml-auto size-4 text-fg-muted transition group-hover:translate-x-0.5 group-hover:text-fg" />
                </div>
                {section ? <p className="mt-3 text-sm leading-relaxed text-fg-muted">{section.summary}</p> : null}
              </li>
            )
          })}
        </ul>
      </section>
    </div>
  )
}
