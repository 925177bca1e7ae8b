// Class names of data-table cells (globals.css, `.cell` and `.cell-head`): header cells in small
// capitals, body cells top-aligned. Add utilities after them to vary one cell.
export const th = 'cell-head'
export const td = 'cell'
