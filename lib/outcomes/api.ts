import 'server-only'
import type { SessionUser } from '@/lib/auth/session'
import { getOutcomes, type OutcomesView } from '@/lib/outcomes/queries'

// The API's view of the dashboard: the same figures, without the filter options list.
export async function outcomesForApi(user: SessionUser, params: Record<string, string>): Promise<Omit<OutcomesView, 'options'>> {
  const { options: _options, ...view } = await getOutcomes(user, params)
  return view
}
