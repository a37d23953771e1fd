/** The one way the Node tests wait for something: poll a condition (sync or async) until it holds, or fail naming it. */
export async function waitUntil(cond: () => boolean | Promise<boolean>, what: string, guardMs = 15_000, everyMs = 10): Promise<void> {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > guardMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
