'use client'

import { ErrorView } from '@/components/shell/error-view'

// Errors in a portal page render inside the shell, so the navigation stays usable.
export default function PortalError({ error, retry, reset }: { error: unknown; retry?: () => void; reset: () => void }) {
  return <ErrorView error={error} onRetry={() => (retry ?? reset)()} fill={false} />
}
