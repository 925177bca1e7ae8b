import { signIn } from './fixtures'
// npx tsx scripts/bench/time-page.ts <baseUrl> <email> <path> [n]: one signed-in request at a time.
async function main() {
  const [baseUrl, email, p, n = '3'] = process.argv.slice(2)
  const cookie = await signIn(baseUrl, email)
  for (let i = 0; i < Number(n); i++) {
    const t = performance.now()
    const res = await fetch(`${baseUrl}${p}`, { headers: { cookie } })
    const body = await res.text()
    console.log(`${p}: ${res.status} ${body.length} chars in ${(performance.now() - t).toFixed(1)} ms`)
  }
}
main().catch((e) => { console.error(e); process.exit(1) })
