import { z } from 'zod'
import { ROLES } from '@/lib/auth/permissions'

// Inputs of the admin section; shared by form, action and API.

// Filters come from the URL: an unknown value falls back to "no filter" rather than an error page.
export const listUsersSchema = z.object({
  q: z.string().trim().max(120).optional().default('').catch(''),
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(['active', 'disabled', 'all']).optional().default('all').catch('all'),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1).catch(1),
})
export type ListUsersInput = z.input<typeof listUsersSchema>

export const updateUserSchema = z.object({
  userId: z.uuid({ error: 'Unknown user.' }),
  version: z.coerce.number().int().nonnegative(),
  role: z.enum(ROLES, { error: 'Choose a role.' }),
  // HTML checkboxes send "on" or nothing.
  active: z
    .union([z.boolean(), z.string().max(8)])
    .optional()
    .transform((v) => v === true || v === 'on' || v === 'true'),
})
export type UpdateUserInput = z.input<typeof updateUserSchema>
