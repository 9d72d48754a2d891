import type { z } from 'zod';
import { actionSchema, personRefSchema } from '../model';
import type { ImpactRating, SustainedRating } from '../ratings';
import type { ImportField } from './columns';
import { readReferenceCell } from './headings';
import { splitLeads } from './leads';
import { problem, quote, type ImportProblem } from './problems';
import { IMPACT_CHOICES, readRating, SUSTAINED_CHOICES, type RatingChoices } from './rating-values';
import type { SourcePlace } from './table';
import { readTimescale, type ImportDue } from './timescales';

/** An action as a row of the source gives it, read but not yet numbered or placed in the plan. */
export interface ImportAction {
  /** As written ("5." reads "5"); null when the row has none (numbered when the plan is assembled). */
  reference: string | null;
  text: string;
  successMeasures: string;
  /** Names, titles or e-mail addresses as written, one per lead. */
  leads: string[];
  governance: string;
  due: ImportDue;
  /** A key of the plan's rating scale; null when the cell is blank or unreadable. */
  rating: string | null;
  progress: string;
  impact: ImpactRating | null;
  sustained: SustainedRating | null;
}

/** The cells of one action (after joining rows split by a page break), by field. */
export type ActionCells = Partial<Record<ImportField, string>>;

/**
 * Reads an action's cells; every problem is placed in its row and the column it
 * came from. Values the lists cannot keep (too long, see model.ts) are errors that
 * name the limit, since the app never writes what it cannot read back.
 */
export function readActionCells(
  cells: ActionCells,
  at: (field: ImportField) => SourcePlace,
  scale: RatingChoices,
): { action: ImportAction; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const cell = (field: ImportField) => cells[field] ?? '';

  let reference: string | null = null;
  const ref = readReferenceCell(cell('reference'));
  if (ref.ok) reference = ref.reference;
  else problems.push(problem('error', 'reference-invalid', at('reference'), ref.message));

  const text = checked(actionSchema.shape.text, cell('action'), at('action'), problems, 'action-missing');
  const successMeasures = checked(
    actionSchema.shape.successMeasures,
    cell('successMeasures'),
    at('successMeasures'),
    problems,
  );
  const governance = checked(
    actionSchema.shape.governanceForum,
    cell('governance'),
    at('governance'),
    problems,
  );
  const progress = checked(actionSchema.shape.progressNarrative, cell('progress'), at('progress'), problems);

  const leads = splitLeads(cell('lead'));
  const leadMax = personRefSchema.shape.displayName.maxLength ?? Infinity;
  for (const lead of leads)
    if (lead.length > leadMax)
      problems.push(
        problem(
          'error',
          'too-long',
          at('lead'),
          `A lead's name must be at most ${leadMax} characters: ${quote(lead, 40)} has ${lead.length}`,
        ),
      );

  const timescale = readTimescale(cell('due'));
  problems.push(...timescale.problems.map((p) => problem(p.severity, p.code, at('due'), p.message)));

  const rated = (field: 'rating' | 'impact' | 'sustained', choices: RatingChoices) => {
    const read = readRating(cell(field), choices);
    problems.push(...read.problems.map((p) => problem(p.severity, p.code, at(field), p.message)));
    return read.key;
  };
  const rating = rated('rating', scale);
  const impact = rated('impact', IMPACT_CHOICES) as ImpactRating | null;
  const sustained = rated('sustained', SUSTAINED_CHOICES) as SustainedRating | null;

  return {
    action: {
      reference,
      text,
      successMeasures,
      leads,
      governance,
      due: timescale.due,
      rating,
      progress,
      impact,
      sustained,
    },
    problems,
  };
}

/** The value as the list would keep it (trimmed), with the schema's own message when it would not. */
function checked(
  schema: z.ZodType<string, string | undefined>,
  value: string,
  place: SourcePlace,
  problems: ImportProblem[],
  emptyCode: 'action-missing' | null = null,
): string {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const trimmed = value.trim();
  const message = result.error.issues[0]?.message ?? 'Not a value the list can keep';
  if (trimmed === '' && emptyCode)
    problems.push(problem('error', emptyCode, place, `${message}: the row has no action text`));
  else problems.push(problem('error', 'too-long', place, `${message}: this one has ${trimmed.length}`));
  return trimmed;
}
