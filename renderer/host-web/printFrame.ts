/**
 * Printing in the browser: the print view goes into a hidden frame of this page and the browser's print
 * dialog opens on it (the person picks "Save as PDF" there). A frame, not a new window, so no pop-up
 * blocker stands in the way and the app's own screen is never what gets printed.
 */
export function printInFrame(html: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
    frame.addEventListener('load', () => {
      const win = frame.contentWindow;
      if (!win) {
        frame.remove();
        reject(new Error('the print view could not be opened'));
        return;
      }
      win.addEventListener('afterprint', () => frame.remove(), { once: true });
      win.print();
      resolve();
    }, { once: true });
    frame.srcdoc = html;
    document.body.append(frame);
  });
}
