/** The report's style sheet: light and dark schemes, print on A4, no external font. @internal */
export const REPORT_CSS = `
:root { color-scheme: light dark; --fg: #1b1f24; --muted: #57606a; --bg: #ffffff; --panel: #f6f8fa; --line: #d0d7de; --warn: #9a6700; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9da7b3; --bg: #0d1117; --panel: #161b22; --line: #30363d; --warn: #d29922; } }
/* On a dark background the palette's dark blue reads poorly: draw it as its sky blue. */
@media (prefers-color-scheme: dark) { .ls-chart [fill="#0072B2"] { fill: #56B4E9; } .ls-chart [stroke="#0072B2"] { stroke: #56B4E9; } }
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body { font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; margin: 0 auto; max-width: 1380px; padding: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; border-bottom: 1px solid var(--line); padding-bottom: 4px; margin: 36px 0 12px; }
.subtitle, .note { color: var(--muted); }
nav ol { columns: 2; padding-left: 20px; margin: 8px 0 0; }
a { color: inherit; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(640px, 1fr)); gap: 20px; }
figure { margin: 0; padding: 14px; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; break-inside: avoid; page-break-inside: avoid; min-width: 0; }
figure svg { display: block; width: 100%; height: auto; max-width: 640px; color: var(--fg); }
figcaption { margin: 8px 0; }
.reading { margin: 6px 0 10px; }
table { border-collapse: collapse; font-size: 12.5px; font-variant-numeric: tabular-nums; margin-top: 8px; }
.numbers { max-width: 100%; }
th, td { padding: 2px 6px; border-bottom: 1px solid var(--line); text-align: right; }
td[data-value] { white-space: nowrap; }
td:not([data-value]) { text-align: left; }
thead th { vertical-align: bottom; }
th:first-child, td:first-child { text-align: left; }
thead th { font-weight: 600; }
.kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px; margin: 0; }
.kpis div { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.kpis dt { color: var(--muted); font-size: 13px; }
.kpis dd { margin: 0; font-size: 20px; font-weight: 600; }
.warnings li { color: var(--warn); }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .figures { display: block; }
  figure { margin: 0 0 10mm; background: none; }
  figure svg { max-width: 100%; }
  h2 { break-before: page; }
  section:first-of-type h2 { break-before: auto; }
  nav { display: none; }
}
`;
