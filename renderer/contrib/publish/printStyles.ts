/** The print view's stylesheet: black on white whatever the app's theme, A4 portrait, cards never split. */
export const PRINT_CSS = String.raw`
@page {
  size: A4;
  margin: 18mm 16mm 20mm;
  @top-right { font: 8pt system-ui, sans-serif; color: #000; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 8pt system-ui, sans-serif; color: #000; }
}
@page :first {
  @top-right { content: none; }
  @bottom-center { content: none; }
}
html, body { background: #fff; color: #000; margin: 0; }
body { font: 10pt/1.45 Georgia, "DejaVu Serif", serif; }
.print-plan { margin: 0 auto; color-scheme: light; }
.print-plan a { color: #000; }
.print-cover { break-after: page; padding-top: 70mm; }
.print-cover h1 { font: 700 28pt/1.2 system-ui, sans-serif; margin: 0 0 6mm; }
.print-period { font-size: 14pt; margin: 0 0 2mm; }
.print-edition { font: 600 12pt/1.4 system-ui, sans-serif; margin: 8mm 0 1mm; }
.print-signoff { font-size: 11pt; margin: 0 0 8mm; max-width: 140mm; }
.print-date { font-size: 11pt; margin: 0; }
.print-toc { break-after: page; }
.print-toc ol { list-style: none; padding: 0; }
.print-toc a { text-decoration: none; }
.print-toc-2 { padding-left: 6mm; }
.print-toc-3 { padding-left: 12mm; }
h2, h3, h4 { font-family: system-ui, sans-serif; break-after: avoid; }
h2 { font-size: 16pt; margin: 8mm 0 3mm; }
h3 { font-size: 13pt; margin: 6mm 0 2mm; }
h4 { font-size: 11pt; margin: 5mm 0 2mm; }
p, li { orphans: 3; widows: 3; }
table { border-collapse: collapse; width: 100%; margin: 3mm 0; font: 8.5pt/1.35 system-ui, sans-serif; }
th, td { border: 0.5pt solid #000; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.print-card { break-inside: avoid; page-break-inside: avoid; margin: 3mm 0; }
.print-card h5 { font: 700 10.5pt/1.3 system-ui, sans-serif; margin: 0 0 1mm; }
.print-card table { margin: 0; }
.print-card th { width: 24mm; font-weight: 600; }
.print-team { font-weight: 400; font-size: 8.5pt; }
/* Six columns on a portrait page: fixed widths, small type, words may break inside a cell but never leave it. */
.print-stages { table-layout: fixed; font-size: 7.5pt; }
.print-stages thead th:first-child { width: 24mm; }
.print-stages thead th:nth-child(4) { width: 26mm; }
.print-assets, .print-expected { font-weight: 400; font-style: italic; margin-top: 1mm; }
.print-actions th:nth-child(2), .print-actions th:nth-child(3), .print-actions th:nth-child(4) { width: 22mm; }
`;
