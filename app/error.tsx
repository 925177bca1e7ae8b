'use client'

import { ErrorView } from '@/components/shell/error-view'

export default function ErrorPage({ error, retry, reset }: { error: unknown; retry?: () => void; reset: () => void }) {
  return (
    <main id="main">
      <ErrorView error={error} onRetry={() => (retry ?? reset)()} />
    </main>
  )
}
