/**
 * The print view as one self-contained HTML page (styles inlined), which the desktop loads into a
 * hidden window for printToPDF and the browser opens in a new window to print.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { type PrintDocument } from '../../../shared/derive/publish/printDocument';
import { PrintView } from './PrintView';
import { PRINT_CSS } from './printStyles';

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
/** A CSS string literal: quotes, backslashes and line breaks escaped. */
const cssString = (s: string) => `"${s.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"`;

export function printHtml(doc: PrintDocument): string {
  const body = renderToStaticMarkup(createElement(PrintView, { doc }));
  // The plan title in the page margin: margin boxes cannot read the page's text, so it is written into the rule.
  const title = `@page { @top-right { content: ${cssString(doc.title).replace(/</g, '\\3C ')}; } }`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="color-scheme" content="light">`
    + `<title>${escapeHtml(doc.title)}</title><style>${PRINT_CSS}\n${title}</style></head>`
    + `<body>${body}</body></html>`;
}
