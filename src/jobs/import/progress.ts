import type { ImportProgress } from '../../plan/import/import-write';

/**
 * Progress of the writing on stderr (stdout keeps the report, one JSON object with
 * `--json`): a line that counts up on a terminal, a line at each tenth otherwise.
 */
export function progressWriter(stream: NodeJS.WriteStream): {
  onProgress: (progress: ImportProgress) => void;
  end: () => void;
} {
  let shown = -1;
  let open = false;
  return {
    onProgress({ done, total }) {
      if (total === 0) return;
      if (stream.isTTY) {
        stream.write(`\rWriting: ${done} of ${total} items`);
        open = true;
        return;
      }
      const tenth = Math.floor((done / total) * 10);
      if (done === 0 || tenth === shown) return;
      shown = tenth;
      stream.write(`Written ${done} of ${total} items\n`);
    },
    end() {
      if (open) stream.write('\n');
      open = false;
    },
  };
}
