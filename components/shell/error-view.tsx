'use client'

import { useEffect } from 'react'
import Link from 'next/link'
import { Button, buttonClasses } from '@/components/ui/button'
import { AlertIcon } from '@/components/ui/icons'
import { StatusPage } from '@/components/ui/status-page'
import { Wordmark } from '@/components/shell/brand-mark'

/**
 * The body of error.tsx and global-error.tsx. Shows the digest (the id the server logged the error
 * under) so an admin can find it; never the message or stack, which may hold internal details.
 */
export function ErrorView({
  error,
  onRetry,
  fill = true,
  homeLink = true,
}: {
  error: unknown
  onRetry: () => void
  fill?: boolean
  homeLink?: boolean
}) {
  const digest =
    typeof error === 'object' && error !== null && 'digest' in error && typeof error.digest === 'string'
      ? error.digest
      : null

  useEffect(() => {
    console.error(error)
  }, [error])

  return (
    <StatusPage
      fill={fill}
      above={fill ? <Wordmark /> : null}
      icon={<AlertIcon className="size-5" />}
      title="Something went wrong"
      actions={
        <>
          <Button onClick={onRetry}>Try again</Button>
          {homeLink ? (
            // A plain link: after an error a full page load is the surest way back.
            <a href="/" className={buttonClasses({ variant: 'secondary' })}>
              Go to the home page
            </a>
          ) : null}
        </>
      }
    >
      <p>This page could not be shown because of an unexpected error. Trying again often helps.</p>
      {digest ? (
        <p>
          If it keeps happening, send this reference to an admin:{' '}
          <code className="rounded bg-surface-muted px-1.5 py-0.5 font-mono text-xs text-fg">{digest}</code>
        </p>
      ) : (
        <p>If it keeps happening, tell an admin what you were doing when it happened.</p>
      )}
    </StatusPage>
  )
}
