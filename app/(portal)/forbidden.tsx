import type { Metadata } from 'next'
import { ForbiddenView } from '@/components/shell/status-views'

export const metadata: Metadata = { title: 'No access' }

// A 403 from a portal page keeps the shell (and its <main>), so the user sees where they can go.
export default function PortalForbidden() {
  return <ForbiddenView inShell />
}
