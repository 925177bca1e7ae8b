import 'server-only'
import { db } from '@/lib/db'
import { recordAudit } from '@/lib/audit'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { ConflictError, NotFoundError, RuleViolationError } from '@/lib/errors'
import { updateUserSchema, type UpdateUserInput } from '@/lib/admin/schemas'

/**
 * admin.users. Changes a user's role and active flag. Errors: NOT_FOUND, CONFLICT (someone saved
 * first), RULE_VIOLATION (an admin cannot demote or disable themselves: no lock-out).
 * Both take effect on the user's next request: role and active are re-read on every request, and
 * disabling also bumps sessionVersion so a later re-enable does not revive old sessions.
 */
export async function updateUser(actor: SessionUser, raw: UpdateUserInput) {
  assertCan(actor, 'admin.users')
  const input = parseInput(updateUserSchema, raw)
  if (input.userId === actor.id && (input.role !== 'ADMIN' || !input.active)) {
    throw new RuleViolationError('You cannot remove your own admin role or disable your own account. Ask another admin.')
  }
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, role: true, active: true, version: true } })
    if (!before) throw new NotFoundError('That user no longer exists.')
    const disabling = before.active && !input.active
    const removesAdmin = before.role === 'ADMIN' && before.active && (input.role !== 'ADMIN' || !input.active)
    // Lock the admin rows so that two admins demoting each other at once cannot both succeed.
    if (removesAdmin) await tx.$queryRaw`SELECT id FROM "User" WHERE role = 'ADMIN' AND active ORDER BY id FOR UPDATE`
    if (removesAdmin && (await tx.user.count({ where: { role: 'ADMIN', active: true } })) <= 1) {
      throw new RuleViolationError('Paceline needs at least one active admin. Make someone else admin first.')
    }
    const { count } = await tx.user.updateMany({
      where: { id: input.userId, version: input.version },
      data: {
        role: input.role,
        active: input.active,
        version: { increment: 1 },
        ...(disabling ? { sessionVersion: { increment: 1 } } : {}),
      },
    })
    if (count === 0) {
      throw new ConflictError(`${before.email} was changed by someone else since you opened this page (now ${before.role}, ${before.active ? 'active' : 'disabled'}). Reload and try again.`)
    }
    await recordAudit(
      { id: actor.id, email: actor.email },
      {
        action: 'user.update',
        entityType: 'User',
        entityId: before.id,
        summary: { email: before.email, before: { role: before.role, active: before.active }, after: { role: input.role, active: input.active } },
      },
      tx,
    )
    return { id: before.id, role: input.role, active: input.active, version: before.version + 1 }
  })
}
