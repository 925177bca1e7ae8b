// Colours that read on light and dark backgrounds; baseline and control also differ by dash pattern,
// so the chart does not rely on colour alone.
export const GROUP_COLORS = ['#2563eb', '#dc2626', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d']
export const BASELINE_COLOR = '#6b7280'
export const CONTROL_COLOR = '#059669'
