import { handle, json, methodsNotAllowed } from '@/lib/api'
import { requireApiUser } from '@/lib/auth/session'
import { getImportJob } from '@/lib/intake/jobs'

export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => json(await getImportJob(await requireApiUser(request), (await params).id)))
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed('GET')
