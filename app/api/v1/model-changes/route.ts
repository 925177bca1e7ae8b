export { GET, POST, dynamic } from '../changes/route'
