/**
 * How a print view becomes a PDF, the same for Electron's printToPDF and Chromium's page.pdf(): the
 * page size and margins come from the view's own @page rule, whose margin boxes carry the plan title
 * and page numbers, so the printer's own header and footer stay off.
 */
export const PDF_OPTIONS = {
  preferCSSPageSize: true,
  printBackground: true,
  displayHeaderFooter: false,
  outline: true,
  tagged: true,
} as const;
