/**
 * Handing a file to the person, the same way in both hosts: a Blob link, which a browser downloads and
 * the desktop app saves with its download dialog.
 */

/** A file name from a title: letters, digits, spaces, dashes; never empty. */
export function planFileName(title: string, extension = 'md'): string {
  const base = title.normalize('NFKD').replace(/[^\p{L}\p{N} _-]+/gu, '').trim().replace(/\s+/g, ' ');
  return `${base || 'plan'}.${extension}`;
}

/** Hands a file to the person: the browser downloads it, the desktop app asks where to save it. */
export function downloadFile(fileName: string, data: string | Blob, type = 'text/markdown;charset=utf-8'): void {
  const url = URL.createObjectURL(typeof data === 'string' ? new Blob([data], { type }) : data);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
