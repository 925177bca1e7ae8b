import type { Metadata } from 'next'
import Link from 'next/link'
import { requirePageUser } from '@/lib/auth/guard'
import { can } from '@/lib/auth/permissions'
import { listChanges, listModelsInUse } from '@/lib/models/queries'
import { SECTIONS } from '@/components/shell/sections'
import { PageHeader } from '@/components/ui/page-header'
import { buttonClasses } from '@/components/ui/button'
import { ChangeList } from '@/components/models/change-list'
import { card } from '@/components/models/notice'

export const metadata: Metadata = { title: 'Model changes' }
const section = SECTIONS.models

export default async function ModelChangesPage() {
  const user = await requirePageUser('models.view', section.href)
  const [changes, models] = await Promise.all([listChanges(user), listModelsInUse(user)])
  const manage = can(user, 'models.manage')
  return (
    <div className="space-y-8">
      <PageHeader title="Model changes" description={section.summary} icon={<section.Icon className="size-5" />} />
      <nav aria-label="Model changes sections" className="flex flex-wrap gap-2">
        {manage ? <Link className={buttonClasses({ variant: 'primary', size: 'sm' })} href="/models/changes/new">Record a model change</Link> : null}
        <Link className={buttonClasses({ variant: 'secondary', size: 'sm' })} href="/models/queue">My re-validation queue</Link>
        <Link className={buttonClasses({ variant: 'secondary', size: 'sm' })} href="/models/skills">Skills &amp; prompts</Link>
        <Link className={buttonClasses({ variant: 'secondary', size: 'sm' })} href="/models/registry">Registry</Link>
      </nav>
      <section aria-labelledby="in-use" className={card}>
        <h2 id="in-use" className="mb-2 text-sm font-semibold text-fg">Models in use</h2>
        <ul className="flex flex-wrap gap-2 text-sm">
          {models.map((m) => (
            <li key={m.id} className="rounded-md border border-line px-2 py-1">
              {m.label} <code className="text-xs text-fg-muted">{m.snapshot}</code> · {m.status.toLowerCase()} · {m.defaultUses} default
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="timeline" className="space-y-3">
        <h2 id="timeline" className="text-lg font-semibold text-fg">Timeline</h2>
        <ChangeList changes={changes} />
      </section>
    </div>
  )
}
