import type { PlanSetupProgress } from '../../plan/tab-setup';

/** One step of creating a plan, in words for the progress indicator. */
export function describeSetupStep(progress: PlanSetupProgress | null): string {
  if (progress === null) return 'Reading the site’s lists…';
  switch (progress.kind) {
    case 'lists-read':
      return progress.missing.length === 0
        ? 'The site has all the plan’s lists'
        : `Creating ${count(progress.missing.length, 'list')} on the site…`;
    case 'lists-created':
      return progress.lists.length === 0
        ? 'Checking the lists’ columns…'
        : `Created ${count(progress.lists.length, 'list')}; checking their columns…`;
    case 'list-checked':
      return `Checked ${progress.list}`;
    case 'plan-saved':
      return `Saved the plan “${progress.title}”`;
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
