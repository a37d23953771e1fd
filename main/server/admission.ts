/**
 * How many sockets one address and one token hold, and how many rooms one token holds, across the
 * server: a connection over a cap is closed with 4529 (retry later), so one token or one machine cannot
 * load thousands of rooms or hold thousands of sockets.
 */
export type AdmissionLimits = { socketsPerToken: number; socketsPerAddress: number; roomsPerToken: number };

type TokenUse = { sockets: number; rooms: Map<string, number> };

export class Admission {
  private readonly addresses = new Map<string, number>();
  private readonly tokens = new Map<string, TokenUse>();

  constructor(private readonly limits: AdmissionLimits) {}

  /** Counts a socket from `address`; returns its release, or a reason when the address is at its cap. */
  admitAddress(address: string): (() => void) | string {
    const n = this.addresses.get(address) ?? 0;
    if (n >= this.limits.socketsPerAddress) return `more than ${this.limits.socketsPerAddress} sockets from ${address}`;
    this.addresses.set(address, n + 1);
    return once(() => {
      const left = (this.addresses.get(address) ?? 1) - 1;
      if (left > 0) this.addresses.set(address, left);
      else this.addresses.delete(address);
    });
  }

  /** Counts a socket of `token` in `room`; returns its release, or a reason when the token is at a cap. */
  admitToken(token: string, room: string): (() => void) | string {
    const use = this.tokens.get(token) ?? { sockets: 0, rooms: new Map<string, number>() };
    if (use.sockets >= this.limits.socketsPerToken) return `more than ${this.limits.socketsPerToken} sockets with one token`;
    const inRoom = use.rooms.get(room) ?? 0;
    if (inRoom === 0 && use.rooms.size >= this.limits.roomsPerToken) return `more than ${this.limits.roomsPerToken} rooms with one token`;
    use.sockets++;
    use.rooms.set(room, inRoom + 1);
    this.tokens.set(token, use);
    return once(() => {
      use.sockets--;
      const left = (use.rooms.get(room) ?? 1) - 1;
      if (left > 0) use.rooms.set(room, left);
      else use.rooms.delete(room);
      if (use.sockets === 0) this.tokens.delete(token);
    });
  }
}

function once(f: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    f();
  };
}
