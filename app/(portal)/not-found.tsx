import type { Metadata } from 'next'
import { NotFoundView } from '@/components/shell/status-views'

export const metadata: Metadata = { title: 'Page not found' }

// notFound() from a portal page (a record that does not exist) keeps the shell.
export default function PortalNotFound() {
  return <NotFoundView inShell />
}
