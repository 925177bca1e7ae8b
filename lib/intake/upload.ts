import 'server-only'
import type { SessionUser } from '@/lib/auth/session'
import { ValidationError } from '@/lib/errors'
import { type ImportActor, type ImportRequest } from '@/lib/intake/import-job'
import { importFormatSchema, importKindSchema } from '@/lib/intake/schemas'
import { readUpload } from '@/lib/intake/body'

// The browser uploads the file as the raw request body; options travel in the query string.

export function actorOf(user: SessionUser): ImportActor {
  return { id: user.id, email: user.email, role: user.role }
}

export async function importRequestFrom(request: Request): Promise<ImportRequest> {
  const p = new URL(request.url).searchParams
  const kind = importKindSchema.safeParse(p.get('kind'))
  if (!kind.success) throw new ValidationError('Choose what the file holds (kind).', { kind: ['expected incidents, tech-debt, throughput, budget or survey'] })
  const formatRaw = p.get('format')
  const format = formatRaw && formatRaw !== 'auto' ? importFormatSchema.safeParse(formatRaw) : null
  if (format && !format.success) throw new ValidationError('Unknown format.', { format: ['unknown format'] })
  const teamMapRaw = p.get('teamMap')
  let teamMap: ImportRequest['teamMap']
  if (teamMapRaw) {
    try {
      const parsed = JSON.parse(teamMapRaw) as Array<{ alias: string; team: string }>
      teamMap = parsed.filter((m) => typeof m?.alias === 'string' && typeof m?.team === 'string' && m.team).slice(0, 500)
    } catch {
      throw new ValidationError('teamMap is not valid JSON.')
    }
  }
  const bytes = await readUpload(request)
  return {
    bytes,
    kind: kind.data,
    format: format?.success ? format.data : undefined,
    validOnly: p.get('validOnly') === 'true',
    debtLabel: p.get('debtLabel')?.trim() || undefined,
    debtType: p.get('debtType')?.trim() || undefined,
    surveyTitle: p.get('surveyTitle')?.trim().slice(0, 200) || undefined,
    fileName: p.get('fileName')?.slice(0, 255) || undefined,
    teamMap,
  }
}
