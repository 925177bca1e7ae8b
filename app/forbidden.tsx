import type { Metadata } from 'next'
import { ForbiddenView } from '@/components/shell/status-views'

export const metadata: Metadata = { title: 'No access' }

export default function Forbidden() {
  return <ForbiddenView />
}
