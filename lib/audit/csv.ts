import 'server-only'
import { csvCell, csvFileName } from '@/lib/csv'
import type { SessionUser } from '@/lib/auth/session'
import { exportAudit, type AuditEntryView } from '@/lib/audit/queries'

// The CSV export of the filtered audit log (cells neutralised by lib/csv), streamed batch by batch.

const HEADER = ['id', 'at (UTC)', 'actor', 'actor name', 'action', 'entity type', 'entity id', 'changes and details', 'summary (JSON)']

function row(e: AuditEntryView): string {
  return [e.id, e.at, e.actor.label, e.actor.name, e.action, e.entityType, e.entityId, e.text, e.summary === null ? '' : JSON.stringify(e.summary)].map(csvCell).join(',')
}

/** audit.view. A streaming CSV response of every entry matching the filters. */
export async function auditCsvResponse(user: SessionUser, input: unknown): Promise<Response> {
  const batches = exportAudit(user, input)
  // Validate and authorise before the response starts: errors become JSON with their status.
  const first = await batches.next()
  const encoder = new TextEncoder()
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${HEADER.map(csvCell).join(',')}\r\n`))
      if (!first.done && first.value.length) controller.enqueue(encoder.encode(first.value.map(row).join('\r\n') + '\r\n'))
    },
    async pull(controller) {
      if (first.done) return controller.close()
      const next = await batches.next()
      if (next.done) return controller.close()
      controller.enqueue(encoder.encode(next.value.map(row).join('\r\n') + '\r\n'))
    },
  })
  const stamp = new Date().toISOString().slice(0, 10)
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFileName(`paceline-audit-${stamp}`)}"`,
      'Cache-Control': 'no-store',
    },
  })
}
