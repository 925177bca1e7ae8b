import type { Metadata } from 'next'
import { Fragment } from 'react'
import Link from 'next/link'
import { openEditorSchema, readListQuery } from '@/lib/paging'
import { requirePageUser } from '@/lib/auth/guard'
import { can } from '@/lib/auth/permissions'
import { isExpertOrLeader } from '@/lib/rollout/access'
import { listAllocations, listFeed, listPolls } from '@/lib/rollout/queries'
import { openPollAction, postToFeedAction, saveAllocationAction, signOffAction } from '@/lib/rollout/actions'
import { inputSmClasses, textareaClasses } from '@/components/training/form-controls'
import { ActionForm } from '@/components/rollout/action-form'
import { Card, RolloutHeader, td, th } from '@/components/rollout/header'
import { Badge } from '@/components/training/badges'

export const metadata: Metadata = { title: 'Experts' }
export const dynamic = 'force-dynamic'

const money = (n: number | null) => (n === null ? '—' : n.toLocaleString('en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }))

export default async function ExpertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('home.view', '/rollout/experts')
  const leader = can(user, 'rollout.plan')
  const { query } = readListQuery(openEditorSchema, await searchParams)
  // One allocation's edit form at a time: a form on every row added about 9 kB per expert.
  const editing = leader ? query.edit : undefined
  const polls = await listPolls(user)
  const allocations = can(user, 'rollout.view') ? await listAllocations(user) : []
  const feedAccess = await isExpertOrLeader(user)
  const feed = feedAccess ? await listFeed(user, 30) : []

  return (
    <div className="space-y-6">
      <RolloutHeader user={user} current="/rollout/experts" title="Experts" description="A few curious senior people who write code every day get the tools first, with time, a training budget and a code base to practise on." />

      <Card title="Expert nomination polls" id="polls">
        {polls.length === 0 ? <p className="text-sm text-fg-muted">No poll yet.{leader ? ' Open one below.' : ''}</p> : (
          <ul className="divide-y divide-line">
            {polls.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span>
                  <Link href={`/rollout/experts/polls/${p.id}`} className="font-medium text-accent-text underline">{p.title}</Link>{' '}
                  <Badge tone={p.status === 'OPEN' ? 'accent' : 'neutral'}>{p.status === 'OPEN' ? 'Open' : 'Closed'}</Badge>
                  {p.mine ? <> <Badge tone="done">You are a candidate</Badge></> : null}
                </span>
                <span className="text-fg-muted">{leader ? `${p.candidates} candidate${p.candidates === 1 ? '' : 's'}` : p.closesOn ? `closes ${p.closesOn}` : ''}</span>
              </li>
            ))}
          </ul>
        )}
        {leader ? (
          <details className="mt-4">
            <summary className="cursor-pointer text-sm font-medium text-fg">Open a new poll</summary>
            <ActionForm action={openPollAction} submitLabel="Open poll" label="Open a poll" className="mt-3" fieldLabels={{ title: 'Title', closesOn: 'Closes on' }}>
              <label className="block text-sm text-fg">Title<input name="title" required maxLength={160} className={`${inputSmClasses} mt-1`} defaultValue="Expert volunteers for the AI tools exploration" /></label>
              <label className="block text-sm text-fg">What the experts will do<textarea name="description" rows={3} maxLength={2000} className={`${textareaClasses} mt-1`} defaultValue="Two to three months, about half your time, exploring the tools on an internal code base you know, writing up what works." /></label>
              <label className="block text-sm text-fg">Closes on (optional)<input type="date" name="closesOn" className={`${inputSmClasses} mt-1 w-44`} /></label>
            </ActionForm>
          </details>
        ) : null}
      </Card>

      {can(user, 'rollout.view') ? (
        <Card title="Allocations" id="allocations">
          <p className="mb-3 text-xs text-fg-muted">Time freed from normal work, the exploration’s dates, training budget and the code base each expert practises on. The manager of the expert’s team signs off; a change needs a new sign-off.</p>
          {allocations.length === 0 ? <p className="text-sm text-fg-muted">No experts selected yet.</p> : (
            <div className="overflow-x-auto">
              <table className="w-full min-w-[48rem] border-collapse">
                <caption className="sr-only">Expert allocations</caption>
                <thead className="border-b border-line"><tr><th scope="col" className={th}>Expert</th><th scope="col" className={th}>Time</th><th scope="col" className={th}>Exploration</th><th scope="col" className={th}>Budget granted / spent</th><th scope="col" className={th}>Code base</th><th scope="col" className={th}>Manager sign-off</th></tr></thead>
                <tbody className="divide-y divide-line">
                  {allocations.map((a) => (
                    <Fragment key={a.userId}>
                      <tr id={`allocation-${a.userId}`}>
                        <th scope="row" className={`${td} font-medium`}>{a.name}<span className="block text-xs font-normal text-fg-muted">{a.team ?? 'no team'}</span></th>
                        <td className={`${td} whitespace-nowrap`}>{a.timeSharePercent === null ? '—' : `${a.timeSharePercent} %`}</td>
                        <td className={td}>{a.startsOn ? `${a.startsOn} – ${a.endsOn}` : '—'}</td>
                        <td className={td}>{money(a.budgetGranted)} / {money(a.budgetSpent)}</td>
                        <td className={td}>{a.codeBase ?? '—'}</td>
                        <td className={td}>
                          {a.signedOffBy ? <span>Signed off by {a.signedOffBy}</span> : a.id ? <span className="text-(--warn-fg)">Waiting for {a.manager ?? 'the manager'}</span> : '—'}
                          {a.canSignOff ? (
                            <ActionForm action={signOffAction} submitLabel={`Sign off ${a.name}`} variant="secondary" className="mt-1">
                              <input type="hidden" name="allocationId" value={a.id!} /><input type="hidden" name="version" value={a.version!} />
                            </ActionForm>
                          ) : null}
                          {leader && editing !== a.userId ? (
                            <Link href={`/rollout/experts?edit=${a.userId}#allocation-${a.userId}`} aria-label={`Edit allocation of ${a.name}`} className="mt-1 block text-xs text-accent-text underline">Edit allocation</Link>
                          ) : null}
                        </td>
                      </tr>
                      {editing === a.userId ? (
                        <tr>
                          <td colSpan={6} className={td}>
                            <ActionForm action={saveAllocationAction} submitLabel="Save allocation" label={`Allocation of ${a.name}`} className="mt-2" fieldLabels={{ timeSharePercent: 'Time share', startsOn: 'Start', endsOn: 'End', budgetGranted: 'Granted', budgetSpent: 'Spent', codeBase: 'Code base' }}>
                              <input type="hidden" name="userId" value={a.userId} />
                              <input type="hidden" name="version" value={a.version ?? ''} />
                              <div className="grid gap-2 sm:grid-cols-2">
                                <label className="text-xs text-fg">Time share (%)<input autoFocus name="timeSharePercent" type="number" min={0} max={100} required defaultValue={a.timeSharePercent ?? 50} className={`${inputSmClasses} mt-1`} /></label>
                                <label className="text-xs text-fg">Code base<input name="codeBase" required defaultValue={a.codeBase ?? ''} className={`${inputSmClasses} mt-1`} /></label>
                                <label className="text-xs text-fg">Start<input name="startsOn" type="date" required defaultValue={a.startsOn ?? ''} className={`${inputSmClasses} mt-1`} /></label>
                                <label className="text-xs text-fg">End<input name="endsOn" type="date" required defaultValue={a.endsOn ?? ''} className={`${inputSmClasses} mt-1`} /></label>
                                <label className="text-xs text-fg">Budget granted (EUR)<input name="budgetGranted" type="number" min={0} step="0.01" required defaultValue={a.budgetGranted ?? 0} className={`${inputSmClasses} mt-1`} /></label>
                                <label className="text-xs text-fg">Budget spent (EUR)<input name="budgetSpent" type="number" min={0} step="0.01" required defaultValue={a.budgetSpent ?? 0} className={`${inputSmClasses} mt-1`} /></label>
                              </div>
                            </ActionForm>
                            <Link href="/rollout/experts#allocations" className="mt-2 inline-block text-xs text-accent-text underline">Close the editor</Link>
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      ) : null}

      {feedAccess ? (
        <Card title="Experts’ feed" id="feed">
          <p className="mb-3 text-xs text-fg-muted">What the experts learn, in short notes, visible to every expert and leader. Link a training draft by its address (the part after /training/).</p>
          <ActionForm action={postToFeedAction} submitLabel="Post" label="Post to the experts’ feed" fieldLabels={{ body: 'Note', moduleSlug: 'Training module' }}>
            <label className="block text-sm text-fg">Note<textarea name="body" rows={3} required maxLength={4000} className={`${textareaClasses} mt-1`} /></label>
            <label className="block text-sm text-fg">Training module or draft (optional)<input name="moduleSlug" maxLength={200} className={`${inputSmClasses} mt-1`} placeholder="e.g. characterisation-tests-before-a-refactor" /></label>
          </ActionForm>
          {feed.length === 0 ? <p className="mt-4 text-sm text-fg-muted">Nothing posted yet.</p> : (
            <ol className="mt-4 space-y-3">
              {feed.map((p) => (
                <li key={p.id} className="rounded-lg border border-line p-3 text-sm">
                  <p className="whitespace-pre-line text-fg">{p.body}</p>
                  <p className="mt-1 text-xs text-fg-muted">
                    {p.author} · {p.at.slice(0, 10)}
                    {p.module ? <> · <Link className="text-accent-text underline" href={p.module.draft ? `/training/${p.module.slug}/edit` : `/training/${p.module.slug}`}>{p.module.title}{p.module.draft ? ' (draft)' : ''}</Link></> : null}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </Card>
      ) : null}
    </div>
  )
}
