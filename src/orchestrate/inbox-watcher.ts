import { watch, type FSWatcher } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { OptionsError } from "../errors";

export interface InboxWatcherOptions {
  /** The folder to watch (not recursive). */
  folder: string;
  /** Called once per complete CSV file dropped (or rewritten) in the folder. */
  onFile: (file: string) => void | Promise<void>;
  /** Quiet time after the last change before a file counts as complete, in ms. Default 500. */
  debounceMs?: number;
  /** Called when `onFile` throws, so one bad file does not stop the watcher. Default: ignore. */
  onError?: (file: string, error: unknown) => void;
}

export interface InboxWatcher {
  close(): void;
}

/**
 * Watch an inbox folder and hand over each complete `.csv` file: events are debounced per file,
 * and a file counts only once its size stopped changing for `debounceMs` and it is not empty.
 * Hidden files and partial uploads (`.part`, `.tmp`, `.crdownload`) are ignored, so a writer that
 * renames into place when done works as well as one that writes slowly.
 */
export function watchInbox(options: InboxWatcherOptions): InboxWatcher {
  const debounceMs = options.debounceMs ?? 500;
  if (!Number.isInteger(debounceMs) || debounceMs < 10) throw new OptionsError("debounceMs", "an integer ≥ 10", debounceMs);
  const timers = new Map<string, NodeJS.Timeout>();
  const lastSize = new Map<string, number>();
  const check = async (file: string) => {
    timers.delete(file);
    let size: number;
    try {
      const s = await stat(file);
      if (!s.isFile()) return;
      size = s.size;
    } catch {
      return; // gone again (renamed away or deleted)
    }
    if (size === 0 || lastSize.get(file) !== size) {
      // Still being written (or first sight): look again after another quiet period.
      lastSize.set(file, size);
      timers.set(file, setTimeout(() => void check(file), debounceMs));
      return;
    }
    lastSize.delete(file);
    try {
      await options.onFile(file);
    } catch (e) {
      options.onError?.(file, e);
    }
  };
  const watcher: FSWatcher = watch(options.folder, (_event, name) => {
    if (!name) return;
    const base = String(name);
    if (base.startsWith(".") || !/\.csv$/i.test(base)) return;
    const file = path.join(options.folder, base);
    clearTimeout(timers.get(file));
    timers.set(file, setTimeout(() => void check(file), debounceMs));
  });
  return {
    close() {
      watcher.close();
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
