import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { z } from 'zod'
import { requirePageUser } from '@/lib/auth/guard'
import { can } from '@/lib/auth/permissions'
import { getPollCandidates, listColleagues, listPolls } from '@/lib/rollout/queries'
import { answerPollAction, closePollAction, selectExpertsAction } from '@/lib/rollout/actions'
import { selectSmClasses, textareaClasses } from '@/components/training/form-controls'
import { ActionForm } from '@/components/rollout/action-form'
import { Card, RolloutHeader, td, th } from '@/components/rollout/header'
import { Badge } from '@/components/training/badges'

export const metadata: Metadata = { title: 'Expert poll' }
export const dynamic = 'force-dynamic'

const SENIORITY: Record<string, string> = { JUNIOR: 'Junior', MID: 'Mid-level', SENIOR: 'Senior', STAFF: 'Staff', PRINCIPAL: 'Principal' }

export default async function PollPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const user = await requirePageUser('home.view', `/rollout/experts/polls/${id}`)
  if (!z.uuid().safeParse(id).success) notFound()
  const poll = (await listPolls(user)).find((p) => p.id === id)
  if (!poll) notFound()
  const leader = can(user, 'rollout.plan')
  const view = leader ? await getPollCandidates(user, id) : null
  const colleagues = poll.status === 'OPEN' ? await listColleagues(user) : []

  return (
    <div className="space-y-6">
      <RolloutHeader user={user} current="/rollout/experts" title={poll.title} description={poll.description ?? undefined} />
      {poll.status === 'OPEN' ? (
        <Card title="Volunteer or nominate a colleague" id="answer">
          {poll.mine ? <p className="mb-3 text-sm text-fg">You are a candidate in this poll. You can still nominate a colleague.</p> : null}
          <ActionForm action={answerPollAction} submitLabel="Send answer" label="Answer the poll" fieldLabels={{ nomineeId: 'Who', codesDaily: 'Writes code every day', curiosity: 'Curiosity', exploreIdea: 'What they would explore' }}>
            <input type="hidden" name="pollId" value={poll.id} />
            <label className="block text-sm text-fg">Who
              <select name="nomineeId" className={`${selectSmClasses} mt-1`} defaultValue="">
                <option value="">Me — I volunteer</option>
                {colleagues.filter((c) => c.id !== user.id).map((c) => <option key={c.id} value={c.id}>{c.name}{c.team ? ` (${c.team})` : ''}</option>)}
              </select>
            </label>
            <fieldset className="text-sm text-fg">
              <legend className="font-medium">Do they write code every day?</legend>
              <label className="mr-4"><input type="radio" name="codesDaily" value="true" required /> Yes</label>
              <label><input type="radio" name="codesDaily" value="false" /> No</label>
            </fieldset>
            <fieldset className="text-sm text-fg">
              <legend className="font-medium">How curious about LLM tool chains? (1 = a little, 5 = very)</legend>
              {[1, 2, 3, 4, 5].map((n) => <label key={n} className="mr-3"><input type="radio" name="curiosity" value={n} required /> {n}</label>)}
            </fieldset>
            <label className="block text-sm text-fg">What would you (or they) explore?<textarea name="exploreIdea" rows={3} required minLength={10} maxLength={2000} className={`${textareaClasses} mt-1`} /></label>
          </ActionForm>
        </Card>
      ) : <p className="text-sm text-fg-muted">This poll is closed.</p>}

      {view ? (
        <Card title={`Candidates (${view.candidates.length})`} id="candidates">
          {view.candidates.length === 0 ? <p className="text-sm text-fg-muted">Nobody has volunteered or been nominated yet.</p> : (
            <ActionForm action={selectExpertsAction} submitLabel="Select as experts" label="Select experts" fieldLabels={{ candidateIds: 'Candidates' }}>
              <input type="hidden" name="pollId" value={view.poll.id} />
              <input type="hidden" name="version" value={view.poll.version} />
              <div className="overflow-x-auto">
                <table className="w-full min-w-[44rem] border-collapse">
                  <caption className="sr-only">Candidates with seniority and answers</caption>
                  <thead className="border-b border-line"><tr><th scope="col" className={th}>Select</th><th scope="col" className={th}>Candidate</th><th scope="col" className={th}>Seniority</th><th scope="col" className={th}>Codes daily</th><th scope="col" className={th}>Curiosity</th><th scope="col" className={th}>Would explore</th></tr></thead>
                  <tbody className="divide-y divide-line">
                    {view.candidates.map((c) => (
                      <tr key={c.id}>
                        <td className={td}>{c.selected ? <Badge tone="done">Selected</Badge> : <input type="checkbox" name="candidateIds" value={c.id} aria-label={`Select ${c.name}`} />}</td>
                        <th scope="row" className={`${td} font-medium`}>{c.name}<span className="block text-xs font-normal text-fg-muted">{c.team ?? 'no team'} · {c.volunteered ? 'volunteered' : `nominated by ${c.nominatedBy ?? 'a colleague'}`}</span></th>
                        <td className={td}>{c.seniority ? SENIORITY[c.seniority] : '—'}{c.jobTitle ? <span className="block text-xs text-fg-muted">{c.jobTitle}</span> : null}</td>
                        <td className={td}>{c.codesDaily ? 'Yes' : 'No'}</td>
                        <td className={td}>{c.curiosity} / 5</td>
                        <td className={`${td} max-w-xs`}>{c.exploreIdea}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </ActionForm>
          )}
          {view.poll.status === 'OPEN' ? (
            <ActionForm action={closePollAction} submitLabel="Close poll" variant="secondary" className="mt-4">
              <input type="hidden" name="pollId" value={view.poll.id} /><input type="hidden" name="version" value={view.poll.version} />
            </ActionForm>
          ) : null}
        </Card>
      ) : null}
      <p className="text-xs text-fg-muted">Selected experts join the experts cohort; their time, budget and code base are set under Experts → Allocations.</p>
    </div>
  )
}
