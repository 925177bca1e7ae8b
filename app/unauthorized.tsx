import type { Metadata } from 'next'
import { UnauthorizedView } from '@/components/shell/status-views'

export const metadata: Metadata = { title: 'Sign in required' }

export default function Unauthorized() {
  return <UnauthorizedView />
}
