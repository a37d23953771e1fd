/** Structured logs: one JSON object per line, so they can be grepped and shipped as they are. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogEntry = { level: LogLevel; event: string; [field: string]: unknown };
export type Log = (entry: LogEntry) => void;

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** Writes entries at or above `minLevel` as JSON lines with a timestamp. */
export function jsonLineLog(minLevel: LogLevel = 'info', write: (line: string) => void = (l) => process.stdout.write(l)): Log {
  return (entry) => {
    if (RANK[entry.level] < RANK[minLevel]) return;
    write(JSON.stringify({ time: new Date().toISOString(), ...entry }) + '\n');
  };
}

export const isLogLevel = (s: string): s is LogLevel => s in RANK;
