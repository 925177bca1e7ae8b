// The production HTTP server: Next.js's request handler behind a plain Node server, so that the
// client address the app sees is the socket's, not a header the client wrote. With
// PACELINE_TRUSTED_PROXIES=N (N reverse proxies in front), the socket address is appended to the
// X-Forwarded-For chain and lib/auth/rules.ts clientAddress() skips the N trusted hops.
import http from 'node:http'
import next from 'next'

const port = Number(process.env.PORT ?? 3000)
const hostname = process.env.HOSTNAME ?? '0.0.0.0'
const trusted = Number(process.env.PACELINE_TRUSTED_PROXIES ?? 0)

const app = next({ dev: false, dir: process.cwd(), port, hostname })
const handle = app.getRequestHandler()
await app.prepare()

const server = http.createServer((req, res) => {
  const socketAddress = req.socket.remoteAddress ?? 'unknown'
  const existing = req.headers['x-forwarded-for']
  req.headers['x-forwarded-for'] = trusted > 0 && existing ? `${existing}, ${socketAddress}` : socketAddress
  handle(req, res).catch((err) => {
    console.error('[server] unhandled', err)
    if (!res.headersSent) {
      res.statusCode = 500
      res.end('Internal Server Error')
    }
  })
})
server.keepAliveTimeout = 65_000
server.on('error', (err) => {
  console.error(`paceline: error: cannot listen on ${hostname}:${port}: ${err.code === 'EADDRINUSE' ? 'the port is in use (set PORT)' : err.message}`)
  process.exit(1)
})
server.listen(port, hostname, () => {
  console.log(`paceline: listening on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`)
})

let closing = false
function shutdown() {
  if (closing) return
  closing = true
  server.close(() => process.exit(0))
  server.closeIdleConnections?.()
  setTimeout(() => process.exit(0), 5_000).unref()
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
