import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { correctMapping, type ColumnMapping, type ImportField, type ImportTable } from '../../domain/import';
import { countWrites } from '../../domain/import/changes';
import {
  previewImport,
  rememberImportMapping,
  type ImportPreview,
  type ImportTarget,
} from '../../plan/import/import-plan';
import { importTargetQuery } from '../../plan/import/import-queries';
import { invalidateStructure } from '../../plan/structure/mutations';
import { readImportFile, readImportPaste, type ChosenFile } from '../../plan/import/import-source';
import { writeImport, type ImportProgress, type ImportSummary } from '../../plan/import/import-write';
import type { PastedContent } from '../../plan/import/paste';
import { usePlanStore } from '../../ui/store-context';
import { fieldAt } from './preview-model';

/** Where the tables came from: "plan.docx", or the paste. */
export interface ImportSource {
  label: string;
  tables: ImportTable[];
}

/** What the person decided on the mapping screen and in the preview. */
export interface ImportChoices {
  mappings: Record<string, ColumnMapping>;
  skip: ReadonlySet<string>;
}

export type ImportStage =
  | { kind: 'choose' }
  | { kind: 'review' }
  | { kind: 'writing'; progress: ImportProgress; cancelling: boolean }
  | { kind: 'done'; summary: ImportSummary; mappingError: unknown }
  /** Writing stopped on an error (the network, a refusal): what was written stays; resuming writes the rest. */
  | { kind: 'failed'; error: unknown };

const NO_CHOICES: ImportChoices = { mappings: {}, skip: new Set() };

/**
 * The import page's state: the tables read, the person's choices, the preview
 * they give (re-run on every change, the latest answer winning), and the writing
 * with its progress, cancelling and resuming. Nothing is written before `write`.
 */
export function useImport(planId: string, target: ImportTarget) {
  const store = usePlanStore();
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<ImportStage>({ kind: 'choose' });
  const [source, setSource] = useState<ImportSource | null>(null);
  const [choices, setChoices] = useState<ImportChoices>(NO_CHOICES);
  const [preview, setPreview] = useState<{ result: ImportPreview; target: ImportTarget } | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [reading, setReading] = useState(false);
  /** Why the file or paste could not be read, or the preview could not be made. */
  const [problem, setProblem] = useState<unknown>(null);
  /** The summary of a cancelled import, while a resumed one finishes it. */
  const earlier = useRef<ImportSummary | null>(null);
  const latest = useRef(0);
  const controller = useRef<AbortController | null>(null);
  const targetNow = useRef(target);
  targetNow.current = target;

  // Leaving the page stops the writing between two batches: every item is written whole or not at all.
  useEffect(() => () => controller.current?.abort(), []);

  const runPreview = useCallback(
    async (tables: ImportTable[], next: ImportChoices, into: ImportTarget = targetNow.current) => {
      const run = ++latest.current;
      setPreviewing(true);
      try {
        const result = await previewImport(store, into, tables, next);
        if (run === latest.current) {
          setPreview({ result, target: into });
          setProblem(null);
        }
        return { result, target: into };
      } catch (error) {
        if (run === latest.current) setProblem(error);
        return null;
      } finally {
        if (run === latest.current) setPreviewing(false);
      }
    },
    [store],
  );

  const change = (nextSource: ImportSource, nextChoices: ImportChoices) => {
    setSource(nextSource);
    setChoices(nextChoices);
    void runPreview(nextSource.tables, nextChoices);
  };

  const read = async (label: string, reader: () => Promise<ImportTable[]>) => {
    latest.current++;
    setReading(true);
    setProblem(null);
    try {
      const tables = await reader();
      setPreview(null);
      setStage({ kind: 'review' });
      change({ label, tables }, NO_CHOICES);
    } catch (error) {
      setProblem(error);
    } finally {
      setReading(false);
    }
  };

  const write = async (resume: boolean) => {
    if (!source) return;
    const abort = new AbortController();
    controller.current = abort;
    setStage({ kind: 'writing', progress: { done: 0, total: 0 }, cancelling: false });
    try {
      let planned = preview;
      if (resume || !planned) {
        // The plan as it is now: what the cancelled import wrote is matched by reference and left alone.
        const fresh = await queryClient.fetchQuery({ ...importTargetQuery(store, planId), staleTime: 0 });
        planned = await runPreview(source.tables, choices, fresh);
        if (!planned) throw new Error('The preview could not be made again');
      }
      const { result, target: into } = planned;
      setStage({
        kind: 'writing',
        progress: { done: 0, total: countWrites(result.changes) },
        cancelling: false,
      });
      const summary = await writeImport(store, into, result.changes, {
        signal: abort.signal,
        onProgress: (progress) =>
          setStage((now) =>
            now.kind === 'writing' ? { ...now, progress } : { kind: 'writing', progress, cancelling: false },
          ),
      });
      let mappingError: unknown = null;
      if (!summary.cancelled)
        await rememberImportMapping(store, into, result.draft).catch((error: unknown) => {
          mappingError = error;
        });
      const combined = earlier.current ? combine(earlier.current, summary) : summary;
      earlier.current = combined.cancelled ? combined : null;
      setStage({ kind: 'done', summary: combined, mappingError });
    } catch (error) {
      setStage({ kind: 'failed', error });
    } finally {
      controller.current = null;
      void invalidateStructure(queryClient, planId);
    }
  };

  return {
    stage,
    source,
    choices,
    preview,
    previewing,
    reading,
    problem,
    readFile: (file: ChosenFile) => read(file.name, () => readImportFile(file)),
    readPaste: (pasted: PastedContent) => read('the pasted table', () => readImportPaste(pasted)),
    /** Column `column` of `table` now holds `field` (null: not imported). */
    mapColumn(table: string, column: number, field: ImportField | null) {
      const mapping =
        choices.mappings[table] ?? preview?.result.draft.tables.find((t) => t.table === table)?.mapping;
      if (!source || !mapping) return;
      const held = fieldAt(mapping, column);
      const next =
        field === null
          ? held
            ? correctMapping(mapping, held, null)
            : mapping
          : correctMapping(mapping, field, column);
      change(source, { ...choices, mappings: { ...choices.mappings, [table]: next } });
    },
    /** A row's cells as the person corrected them, by column. */
    editRow(table: string, row: number, cells: ReadonlyMap<number, string>) {
      if (!source) return;
      const tables = source.tables.map((t) => {
        if (t.name !== table) return t;
        const rows = t.rows.map((cellsNow, i) => {
          if (i !== row - 1) return cellsNow;
          const edited = [...cellsNow];
          for (const [column, value] of cells) {
            while (edited.length <= column) edited.push('');
            edited[column] = value;
          }
          return edited;
        });
        return { ...t, rows };
      });
      change({ ...source, tables }, choices);
    },
    skipRows(keys: readonly string[], skipped: boolean) {
      if (!source) return;
      const skip = new Set(choices.skip);
      for (const key of keys) {
        if (skipped) skip.add(key);
        else skip.delete(key);
      }
      change(source, { ...choices, skip });
    },
    write: () => void write(false),
    resume: () => void write(true),
    cancel() {
      controller.current?.abort();
      setStage((now) => (now.kind === 'writing' ? { ...now, cancelling: true } : now));
    },
    /** Back to choosing a file; what was written stays written. */
    restart() {
      latest.current++;
      earlier.current = null;
      setSource(null);
      setChoices(NO_CHOICES);
      setPreview(null);
      setProblem(null);
      setPreviewing(false);
      setStage({ kind: 'choose' });
    },
  };
}

/**
 * A cancelled import and its resumption as one: what the first wrote, the second
 * finds unchanged, so it is counted once, as created or updated.
 */
function combine(first: ImportSummary, then: ImportSummary): ImportSummary {
  const written = first.created.length + first.updated.length;
  return {
    ...then,
    created: [...first.created, ...then.created],
    updated: [...first.updated, ...then.updated],
    unchanged: Math.max(0, then.unchanged - written),
  };
}
