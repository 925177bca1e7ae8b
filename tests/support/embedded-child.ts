// Started by tests/integration/database/embedded.test.ts as a separate process that is then
// killed with SIGKILL, to leave an orphaned server and a lock behind as a crash would.
import { startEmbeddedPostgres } from '@/lib/database/embedded'

const [dir, port] = process.argv.slice(2)
startEmbeddedPostgres({ dir, port: Number(port) }).then(
  () => process.stdout.write('READY\n'),
  (err) => {
    process.stderr.write(String(err?.message ?? err))
    process.exit(1)
  },
)
setInterval(() => {}, 1 << 30)
