import { watch, type FSWatcher } from 'node:fs';

/**
 * Wakes the embedded watch when the data directory may have changed: `fs.watch`
 * on the folders holding the sources (debounced, so an editor's burst of writes
 * is one batch), plus polling every `intervalMs` because `fs.watch` is not
 * reliable everywhere (network file systems, some containers). A wake-up only
 * means "look": the file hashes decide whether anything changed.
 */
export function watchFolders(folders: string[], wake: () => void, options: { intervalMs: number; debounceMs: number }): () => void {
  let timer: NodeJS.Timeout | undefined;
  const debounced = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(wake, options.debounceMs);
  };
  const watchers: FSWatcher[] = [];
  for (const folder of new Set(folders)) {
    try {
      const w = watch(folder, { persistent: true }, (_event, name) => {
        // our own snapshots and journal live under .sqletl: never a reason to look
        if (name && String(name).startsWith('.sqletl')) return;
        debounced();
      });
      w.on('error', () => w.close()); // polling still runs
      watchers.push(w);
    } catch {
      // no fs.watch here: polling alone
    }
  }
  const poll = setInterval(wake, options.intervalMs);
  return () => {
    clearInterval(poll);
    if (timer) clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}
