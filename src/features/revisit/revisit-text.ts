import type { RatingTone } from '../../domain';
import type { WeaknessOutcome } from '../../domain/revisit';

/** The inspectors' judgement in words, with a tone that only helps (the words carry it). */
export const OUTCOME_TEXT: Record<WeaknessOutcome, string> = {
  open: 'Not judged yet',
  'sufficient progress made': 'Sufficient progress made',
  'sufficient progress not made': 'Sufficient progress not made',
};

export const OUTCOME_TONE: Record<WeaknessOutcome, RatingTone> = {
  open: 'grey',
  'sufficient progress made': 'green',
  'sufficient progress not made': 'red',
};

/** "1 action", "3 actions". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
