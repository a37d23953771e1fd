/**
 * Knows which local updates the sync server has confirmed. The y-websocket protocol has no
 * acknowledgement, so we ask for one with a standard message: a sync step 1 sent on the same ordered
 * socket as our updates. The server answers every step 1 with a step 2 only once everything we sent
 * before it is durably stored (main/server/room.ts holds the answer until its group commit), so that
 * answer confirms every update transmitted before the question as stored, not merely received.
 *
 * Transmission: while the socket is open and synced, the provider sends each local update at once.
 * Updates made while disconnected are sent by the provider when the server's own step 1 arrives on
 * the next connection (its step 2 reply carries them), so they count as transmitted from then on.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { type WebsocketProvider } from 'y-websocket';

const MESSAGE_SYNC = 0;

export class ServerConfirmations {
  /** Local updates made so far (a running count). */
  private made = 0;
  /** Local updates handed to an open socket. */
  private transmitted = 0;
  private confirmed = 0;
  /** Watermarks of our step-1 questions on the current socket, oldest first. */
  private questions: number[] = [];
  /** Step-2 answers on this socket that answer the provider's own step 1, not ours. */
  private foreignAnswers = 0;
  private socket: WebSocket | null = null;
  private serverGreeted = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly provider: WebsocketProvider,
    private readonly changed: () => void,
    private readonly askDelayMs = 150,
  ) {
    provider.on('status', this.onStatus);
    provider.on('sync', this.onSync);
  }

  get unsynced(): number {
    return this.made - this.confirmed;
  }

  /** Call for every update this machine made (not those that came from the server or from disk). */
  localUpdate(): void {
    this.made++;
    if (this.isLive()) {
      this.transmitted = this.made;
      this.scheduleQuestion();
    }
    this.changed();
  }

  destroy(): void {
    this.provider.off('status', this.onStatus);
    this.provider.off('sync', this.onSync);
    this.detach();
  }

  private isLive(): boolean {
    return this.socket !== null && this.provider.wsconnected && this.serverGreeted;
  }

  private readonly onStatus = ({ status }: { status: string }): void => {
    this.detach();
    if (status === 'connected' && this.provider.ws) {
      this.socket = this.provider.ws;
      this.foreignAnswers = 1;
      // Registered after the provider's own onmessage, so the provider has already replied when we look.
      this.socket.addEventListener('message', this.onMessage);
    }
  };

  private readonly onSync = (synced: boolean): void => {
    if (synced) this.scheduleQuestion();
  };

  private detach(): void {
    this.socket?.removeEventListener('message', this.onMessage);
    this.socket = null;
    this.serverGreeted = false;
    this.questions = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private readonly onMessage = (event: MessageEvent): void => {
    const data = event.data as unknown;
    if (!(data instanceof ArrayBuffer)) return;
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    const kind = decoding.readVarUint(decoder);
    if (kind === syncProtocol.messageYjsSyncStep1) {
      // The provider has just answered with everything the server lacks, offline edits included.
      this.serverGreeted = true;
      this.transmitted = this.made;
      this.scheduleQuestion();
    } else if (kind === syncProtocol.messageYjsSyncStep2) {
      if (this.foreignAnswers > 0) {
        this.foreignAnswers--;
        return;
      }
      const watermark = this.questions.shift();
      if (watermark !== undefined && watermark > this.confirmed) {
        this.confirmed = watermark;
        this.changed();
      }
      this.scheduleQuestion();
    }
  };

  private scheduleQuestion(): void {
    if (this.timer || this.questions.length > 0) return;
    if (this.transmitted <= this.confirmed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.ask();
    }, this.askDelayMs);
  }

  private ask(): void {
    if (!this.isLive() || !this.provider.synced || this.transmitted <= this.confirmed) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.provider.doc);
    this.questions.push(this.transmitted);
    this.socket!.send(encoding.toUint8Array(encoder));
  }
}
