'use client'

import { useActionState, useEffect, useId, useRef, useState } from 'react'
import Link from 'next/link'
import { resolveFlagAction } from '@/lib/training/actions'
import type { ActionResult } from '@/lib/action-result'
import { Button } from '@/components/ui/button'
import { FieldError, textareaClasses } from '@/components/training/form-controls'
import { formatDate } from '@/components/training/format'

export interface FlagItem {
  id: string
  reason: string
  createdAt: string
  moduleVersion: number
  version: number
  slug: string
  title: string
}

/**
 * Open flags on the author's modules, each with a resolve form. A resolved flag leaves the list
 * (the page re-renders), so the confirmation lives above the list and the keyboard focus moves there.
 */
export function FlagQueue({ flags }: { flags: FlagItem[] }) {
  const [done, setDone] = useState({ text: '', n: 0 })
  const statusRef = useRef<HTMLParagraphElement>(null)
  const onResolved = (title: string) => setDone((d) => ({ text: `Flag resolved on “${title}”.`, n: d.n + 1 }))
  // The resolved flag's form is gone with it: give the keyboard a place to land.
  useEffect(() => {
    if (done.n) statusRef.current?.focus()
  }, [done])
  return (
    <div className="space-y-3">
      <p ref={statusRef} tabIndex={-1} role="status" className="text-sm text-fg-muted outline-none empty:hidden">
        {done.text}
      </p>
      {flags.length === 0 ? (
        <p className="rounded-xl border border-dashed border-line-strong/60 bg-surface px-4 py-5 text-sm text-fg-muted">
          No open flags. When a reader flags one of your modules as outdated, it appears here.
        </p>
      ) : (
        <ul className="space-y-3">
          {flags.map((flag) => (
            <li key={flag.id} className="space-y-3 rounded-xl border border-line bg-surface p-4">
              <div>
                <Link href={`/training/${flag.slug}`} className="font-medium text-fg hover:text-accent-text hover:underline">
                  {flag.title}
                </Link>
                <p className="text-xs text-fg-muted">
                  Flagged {formatDate(flag.createdAt)} on version {flag.moduleVersion}
                </p>
              </div>
              <blockquote className="border-l-2 border-(--warn-line) pl-3 text-sm whitespace-pre-wrap text-fg">{flag.reason}</blockquote>
              <ResolveFlagForm flag={flag} onResolved={onResolved} />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

function ResolveFlagForm({ flag, onResolved }: { flag: FlagItem; onResolved: (title: string) => void }) {
  const id = useId()
  const [state, action, pending] = useActionState<ActionResult<null> | null, FormData>(async (prev, data) => {
    const result = await resolveFlagAction(prev, data)
    if (result.ok) onResolved(flag.title)
    return result
  }, null)
  const failed = state && !state.ok ? state : null
  const error = failed?.fieldErrors?.resolution?.join(' ')
  return (
    <form action={action} aria-label={`Resolve the flag on ${flag.title}`} className="space-y-2">
      <input type="hidden" name="flagId" value={flag.id} />
      <input type="hidden" name="version" value={flag.version} />
      <input type="hidden" name="slug" value={flag.slug} />
      <label htmlFor={id} className="block text-sm font-medium text-fg">
        How was it handled?
      </label>
      <textarea
        id={id}
        name="resolution"
        rows={2}
        maxLength={1000}
        defaultValue={failed?.values?.resolution ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={textareaClasses}
      />
      <FieldError id={`${id}-error`} message={error} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          Resolve
        </Button>
        <p role="alert" className="text-sm text-danger">
          {failed && !error ? failed.message : ''}
        </p>
      </div>
    </form>
  )
}
