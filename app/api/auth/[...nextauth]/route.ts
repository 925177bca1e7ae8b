import NextAuth from 'next-auth'
import { authOptions } from '@/lib/auth/options'
import { methodsNotAllowed } from '@/lib/api'

export const dynamic = 'force-dynamic'

type Ctx = { params: Promise<{ nextauth: string[] }> }

async function handler(req: Request, ctx: Ctx) {
  return NextAuth(req as never, { params: await ctx.params } as never, authOptions())
}

export { handler as GET, handler as POST }

export const { PUT, PATCH, DELETE } = methodsNotAllowed('GET', 'POST')
