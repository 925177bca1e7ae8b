import { handle, json, methodsNotAllowed } from '@/lib/api'
import { searchParams } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { listTasks } from '@/lib/models/queries'

export const dynamic = 'force-dynamic'

/** ?changeId=&mine=true&status= */
export async function GET(request: Request) {
  return handle(async () => json({ tasks: await listTasks(await requireApiUser(request), searchParams(request)) }))
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed('GET')
