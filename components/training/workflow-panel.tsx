'use client'

import { useActionState, useId } from 'react'
import { useRouter } from 'next/navigation'
import { workflowAction } from '@/lib/training/actions'
import type { ActionResult } from '@/lib/action-result'
import type { DraftView } from '@/lib/training/queries'
import { Button } from '@/components/ui/button'
import { cx } from '@/components/ui/cx'
import { Badge } from '@/components/training/badges'
import { FieldError, FormMessage, inputClasses, textareaClasses } from '@/components/training/form-controls'
import { formatDate } from '@/components/training/format'
import { ChevronRightIcon } from '@/components/training/icons'

// Review workflow of a draft: submit -> approve / request changes (another expert) -> publish;
// retire. Every step posts the lock version the editor holds, after saving pending text first.

type StepResult = ActionResult<{ version: number }>

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="space-y-3 border-t border-line pt-4 first:border-t-0 first:pt-0">
      <h3 className="text-sm font-semibold text-fg">{title}</h3>
      {children}
    </div>
  )
}

export function WorkflowPanel({
  draft,
  canReview,
  canRetire,
  beforeStep,
  currentVersion,
  afterStep,
}: {
  draft: DraftView
  canReview: boolean
  canRetire: boolean
  /** Saves pending edits; false when they could not be saved (the step is not run then). */
  beforeStep: () => Promise<boolean>
  currentVersion: () => number
  afterStep: (version: number) => void
}) {
  const router = useRouter()
  const ids = useId()
  const [state, dispatch, pending] = useActionState<StepResult | null, FormData>(async (prev, data) => {
    if (!(await beforeStep())) {
      const values: Record<string, string> = {}
      data.forEach((v, k) => {
        if (typeof v === 'string') values[k] = v
      })
      return { ok: false, code: 'RULE_VIOLATION', message: 'Your latest edits could not be saved, so nothing was sent. See the message under the editor.', values }
    }
    data.set('version', String(currentVersion()))
    const result = await workflowAction(prev, data)
    if (result.ok) {
      afterStep(result.data.version)
      router.refresh()
    }
    return result
  }, null)

  const failed = state && !state.ok ? state : null
  const sent = failed?.values ?? {}
  const err = (name: string) => failed?.fieldErrors?.[name]?.join(' ')
  const hidden = (step: string) => (
    <>
      <input type="hidden" name="slug" value={draft.slug} />
      <input type="hidden" name="step" value={step} />
    </>
  )

  const status = draft.status
  return (
    <aside aria-labelledby={`${ids}-h`} className="space-y-4 lg:sticky lg:top-20 lg:self-start">
      <section className="space-y-4 rounded-xl border border-line bg-surface p-4">
        <h2 id={`${ids}-h`} className="text-base font-semibold text-fg">
          Review and publishing
        </h2>
        <FormMessage result={state} />

        {status === 'DRAFT' ? (
          <Section title="Ready for review?">
            <p className="text-sm text-fg-muted">Another expert reviews it before it can be published. Nobody approves their own work.</p>
            <form action={dispatch}>
              {hidden('submit')}
              <Button type="submit" disabled={pending} className="w-full">
                Submit for review
              </Button>
            </form>
          </Section>
        ) : null}

        {status === 'IN_REVIEW' ? (
          draft.mayApprove ? (
            <Section title="Your review">
              <form action={dispatch} className="space-y-3">
                <input type="hidden" name="slug" value={draft.slug} />
                <div>
                  <label htmlFor={`${ids}-comment`} className="block text-sm font-medium text-fg">
                    Review comment
                  </label>
                  <p id={`${ids}-comment-hint`} className="mt-0.5 text-xs text-fg-muted">
                    Optional when you approve; say what to change when you request changes.
                  </p>
                  <textarea
                    id={`${ids}-comment`}
                    name="comment"
                    rows={4}
                    maxLength={4000}
                    defaultValue={sent.comment ?? ''}
                    aria-invalid={err('comment') ? true : undefined}
                    aria-describedby={cx(`${ids}-comment-hint`, err('comment') && `${ids}-comment-error`)}
                    className={cx(textareaClasses, 'mt-1.5')}
                  />
                  <FieldError id={`${ids}-comment-error`} message={err('comment')} />
                </div>
                <div className="flex flex-wrap gap-2">
                  <Button type="submit" name="step" value="approve" disabled={pending}>
                    Approve
                  </Button>
                  <Button type="submit" name="step" value="request-changes" variant="secondary" disabled={pending}>
                    Request changes
                  </Button>
                </div>
              </form>
            </Section>
          ) : (
            <Section title="In review">
              <p className="text-sm text-fg-muted">
                {draft.submittedBy ? `Submitted by ${draft.submittedBy}. ` : ''}
                {draft.isOwner || !canReview
                  ? 'Waiting for another expert to review it: you cannot approve your own work.'
                  : 'Waiting for another expert: you edited or submitted this draft, so you cannot approve it.'}
              </p>
            </Section>
          )
        ) : null}

        {status === 'APPROVED' ? (
          canReview ? (
            <Section title="Publish">
              {/* noValidate: the server's message shows next to the field, like every other error here. */}
              <form action={dispatch} noValidate className="space-y-3">
                {hidden('publish')}
                <div>
                  <label htmlFor={`${ids}-changelog`} className="block text-sm font-medium text-fg">
                    Changelog
                  </label>
                  <p id={`${ids}-changelog-hint`} className="mt-0.5 text-xs text-fg-muted">
                    One line on what changed, shown in the version history.
                  </p>
                  <input
                    id={`${ids}-changelog`}
                    name="changelog"
                    type="text"
                    required
                    maxLength={200}
                    autoComplete="off"
                    defaultValue={sent.changelog ?? ''}
                    aria-invalid={err('changelog') ? true : undefined}
                    aria-describedby={cx(`${ids}-changelog-hint`, err('changelog') && `${ids}-changelog-error`)}
                    className={cx(inputClasses, 'mt-1.5')}
                  />
                  <FieldError id={`${ids}-changelog-error`} message={err('changelog')} />
                </div>
                <Button type="submit" disabled={pending} className="w-full">
                  Publish
                </Button>
              </form>
            </Section>
          ) : (
            <Section title="Approved">
              <p className="text-sm text-fg-muted">Approved by a reviewer; an expert publishes it next.</p>
            </Section>
          )
        ) : null}

        {status === 'PUBLISHED' ? (
          <Section title="Published">
            <p className="text-sm text-fg-muted">
              Nothing is waiting: the draft is version {draft.latestVersion}. Saving a change starts version {draft.latestVersion + 1}, which goes
              through review again.
            </p>
          </Section>
        ) : null}

        {status === 'RETIRED' ? (
          <Section title="Retired">
            <p className="text-sm text-fg-muted">This module is retired. Its versions stay readable; it can no longer be edited.</p>
          </Section>
        ) : null}

        {canRetire && status !== 'RETIRED' ? (
          <details className="group border-t border-line pt-4">
            <summary className="cursor-pointer list-none text-sm font-medium text-danger [&::-webkit-details-marker]:hidden">
              <ChevronRightIcon className="mr-1 inline-block size-4 -translate-y-px transition-transform group-open:rotate-90" />
              Retire module…
            </summary>
            <form action={dispatch} className="mt-3 space-y-3">
              {hidden('retire')}
              <p className="text-sm text-fg-muted">
                Readers still find it at its address, marked retired, but search no longer lists it and it can no longer be edited.
              </p>
              <div>
                <label htmlFor={`${ids}-reason`} className="block text-sm font-medium text-fg">
                  Reason (optional)
                </label>
                <textarea
                  id={`${ids}-reason`}
                  name="reason"
                  rows={2}
                  maxLength={500}
                  defaultValue={sent.reason ?? ''}
                  className={cx(textareaClasses, 'mt-1.5')}
                />
              </div>
              <Button type="submit" variant="secondary" disabled={pending} className="border-danger-line text-danger hover:bg-danger-soft">
                Retire module
              </Button>
            </form>
          </details>
        ) : null}
      </section>

      <section aria-labelledby={`${ids}-reviews`} className="rounded-xl border border-line bg-surface p-4">
        <h2 id={`${ids}-reviews`} className="text-base font-semibold text-fg">
          Review history
        </h2>
        {draft.reviews.length === 0 ? (
          <p className="mt-2 text-sm text-fg-muted">No reviews yet.</p>
        ) : (
          <ol className="mt-3 space-y-3">
            {draft.reviews.map((r, i) => (
              <li key={i} className="text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={r.decision === 'APPROVED' ? 'done' : 'warn'}>{r.decision === 'APPROVED' ? 'Approved' : 'Changes requested'}</Badge>
                  <span className="text-fg">{r.reviewer}</span>
                  <span className="text-xs text-fg-muted">{formatDate(r.createdAt)}</span>
                </div>
                {r.comment ? <p className="mt-1 whitespace-pre-wrap text-fg-muted">{r.comment}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </aside>
  )
}
