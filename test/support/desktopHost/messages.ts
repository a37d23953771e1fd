/** What the desktop host child and the test process say to each other over the child's IPC channel. */

/** Child → test. */
export type FromHost =
  | { kind: 'window'; windowId: number; url: string }
  | { kind: 'send'; windowId: number; channel: string; args: unknown[] }
  | { kind: 'dialog'; id: number; method: 'showOpenDialog' | 'showMessageBox' | 'showErrorBox'; options: unknown }
  | { kind: 'openExternal'; url: string }
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; message: string };

/** A file the window asked for, answered by the app's own `file:` protocol handler. */
export type FileResponse = { status: number; headers: [string, string][]; body: Uint8Array };

/** Test → child. */
export type ToHost =
  | { kind: 'invoke'; id: number; windowId: number; frameUrl: string; mainFrame: boolean; methodId: unknown; arg: unknown }
  | { kind: 'fetch'; id: number; url: string }
  | { kind: 'menu'; id: number; labels: string[] }
  | { kind: 'closeWindow'; id: number; windowId: number }
  | { kind: 'quit'; id: number }
  | { kind: 'answer'; id: number; value: unknown };
