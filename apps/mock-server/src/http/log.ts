/**
 * The CLI's request log: one line per request, timestamped, written in
 * batches (every {@link FLUSH_MS} ms, or per 64 KiB, and on exit) so that
 * logging costs little next to answering. Lines come already scrubbed of keys.
 */
export interface LogWriter {
  (line: string): void;
  /** Writes what is buffered now (before exit). */
  flush(): void;
}

const FLUSH_BYTES = 64 * 1024;
/** How long a line may wait in the buffer: short enough to read the log live. */
export const FLUSH_MS = 50;

export function createLogWriter(write: (chunk: string) => void, now: () => number = Date.now): LogWriter {
  let buffer = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stampMs = Number.NaN;
  let stamp = '';
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (buffer === '') return;
    const chunk = buffer;
    buffer = '';
    write(chunk);
  };
  const log = ((line: string) => {
    const ms = now();
    // One Date per millisecond, not per line.
    if (ms !== stampMs) {
      stampMs = ms;
      stamp = new Date(ms).toISOString();
    }
    buffer += `${stamp} ${line}\n`;
    if (buffer.length >= FLUSH_BYTES) flush();
    else if (timer === undefined) {
      timer = setTimeout(flush, FLUSH_MS);
      timer.unref?.();
    }
  }) as LogWriter;
  log.flush = flush;
  return log;
}
