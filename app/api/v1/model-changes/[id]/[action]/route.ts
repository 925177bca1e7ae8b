export { POST, dynamic } from '../../../changes/[id]/[action]/route'
