import { z } from 'zod';
import { parseDueDate } from './dates';
import { actionSchema, focusAreaSchema, prioritySchema, weaknessSchema } from './model';

/**
 * What a person types to add or edit a part of a plan's structure, one schema per
 * form: numbers and dates come as typed and leave as the domain stores them; each
 * message names the field and what to write.
 */

/** The largest number a reference can hold in one place (see reference.ts). */
const MAX_NUMBER = 9999;

function wholeNumber(label: string) {
  const typed = `${label} must be a whole number, such as 3`;
  return z.preprocess(
    (value) => (typeof value === 'string' ? (value.trim() === '' ? undefined : Number(value.trim())) : value),
    z
      .number({ error: (issue) => (issue.input === undefined ? `${label} is required` : typed) })
      .int(typed)
      .min(1, `${label} must be 1 or more`)
      .max(MAX_NUMBER, `${label} must be at most ${MAX_NUMBER}`),
  );
}

/** A date as people write it ("23 Nov 2026", "23/11/2026", "Nov 2026"), or empty for none. */
const dueDateInput = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === '') return null;
    try {
      return parseDueDate(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
  });

/** An inspection's date: a day ("23 Nov 2026"), or empty when not known yet. */
export const inspectionDateInputSchema = dueDateInput.transform((due, ctx) => {
  if (due === null) return null;
  if (due.precision !== 'day') {
    ctx.addIssue({ code: 'custom', message: 'Give the day of the inspection, such as 23 Nov 2026' });
    return z.NEVER;
  }
  return due.date;
});

export const weaknessInputSchema = z.object({
  number: wholeNumber('Area number'),
  finding: weaknessSchema.shape.finding,
});
export interface WeaknessInput {
  number: number | string;
  finding: string;
}

export const priorityInputSchema = z.object({
  number: wholeNumber('Priority number'),
  /** Empty for the plan's own way of labelling ("Priority 4", "Area 4"). */
  label: z.string().trim().max(50, 'Priority label must be at most 50 characters').default(''),
  title: prioritySchema.shape.title,
  weaknessNumbers: z.array(wholeNumber('Area of weakness')).default([]),
});
export interface PriorityInput {
  number: number | string;
  label?: string;
  title: string;
  weaknessNumbers?: readonly (number | string)[];
}

export const focusAreaInputSchema = focusAreaSchema.pick({ title: true });
export interface FocusAreaInput {
  title: string;
}

export const actionInputSchema = actionSchema
  .pick({ text: true, successMeasures: true, governanceForum: true })
  .extend({ dueDate: dueDateInput.default(null) });
export interface ActionInput {
  text: string;
  successMeasures?: string;
  governanceForum?: string;
  /** As typed: "23 Nov 2026", "23/11/2026", "Dec 2026" or empty. */
  dueDate?: string;
}
