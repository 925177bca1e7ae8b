import { z } from 'zod'

// Inputs of /account/security; shared by its forms and actions.

/** A 6-digit authenticator code ("123 456" accepted). */
export const totpCodeSchema = z
  .string({ error: 'Enter the 6-digit code from your authenticator app.' })
  .transform((v) => v.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, { error: 'Enter the 6-digit code from your authenticator app.' }))

export const confirmEnrolmentSchema = z.object({
  code: totpCodeSchema,
  // The sealed secret the set-up step handed to the form (lib/auth/second-factor.ts).
  enrolment: z.string({ error: 'Start the set-up again.' }).min(20, { error: 'Start the set-up again.' }).max(400, { error: 'Start the set-up again.' }),
})
export type ConfirmEnrolmentInput = z.input<typeof confirmEnrolmentSchema>

/** Disabling takes a current authenticator code or one unused recovery code. */
export const disableSecondFactorSchema = z.object({
  code: z
    .string({ error: 'Enter a code from your authenticator app or a recovery code.' })
    .trim()
    .min(6, { error: 'Enter a code from your authenticator app or a recovery code.' })
    .max(32, { error: 'That is not a code.' }),
})
export type DisableSecondFactorInput = z.input<typeof disableSecondFactorSchema>

/** "Sign out everywhere" is a deliberate act: the form says so (an empty call does nothing). */
export const signOutEverywhereSchema = z.object({ confirm: z.literal('everywhere', { error: 'Confirm signing out everywhere.' }) })
export type SignOutEverywhereInput = z.input<typeof signOutEverywhereSchema>

export const revokeSessionSchema = z.object({ sessionId: z.uuid({ error: 'Unknown session.' }) })
export type RevokeSessionInput = z.input<typeof revokeSessionSchema>
