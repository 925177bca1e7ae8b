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

// HTML checkboxes send "on" or nothing; the API sends a boolean.
const checkbox = z
  .union([z.boolean(), z.string().max(8)])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true')

export const updateUserSchema = z.object({
  userId: z.uuid({ error: 'Unknown user.' }),
  version: z.coerce.number().int().nonnegative(),
  role: z.enum(ROLES, { error: 'Choose a role.' }),
  active: checkbox,
})
export type UpdateUserInput = z.input<typeof updateUserSchema>

/** The sign-in policy on /admin: one checkbox, saved with the version the admin saw. */
export const updateAuthPolicySchema = z.object({
  version: z.coerce.number().int().nonnegative(),
  requireSecondFactor: checkbox,
})
export type UpdateAuthPolicyInput = z.input<typeof updateAuthPolicySchema>

/** Removes a person's second factor (lost phone and recovery codes), saved with the version the admin saw. */
export const resetSecondFactorSchema = z.object({
  userId: z.uuid({ error: 'Unknown user.' }),
  version: z.coerce.number().int().nonnegative(),
})
export type ResetSecondFactorInput = z.input<typeof resetSecondFactorSchema>
