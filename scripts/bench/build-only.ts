import { readConfig } from './config'
import { buildApp } from './server'
buildApp(readConfig(), (m) => console.log(m)).then(() => process.exit(0), (e) => { console.error(e); process.exit(1) })
