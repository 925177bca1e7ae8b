export { GET, dynamic } from '../../changes/[id]/route'
