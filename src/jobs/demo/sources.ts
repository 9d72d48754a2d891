import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SeedResult } from './seed';

/** The demo's sources: real, public WSoA documents kept beside this file. */
export function readSeedSources(): { highlightReport: string; revisitReport: string } {
  const seeds = (name: string) => fileURLToPath(new URL(`./documents/${name}`, import.meta.url));
  return {
    highlightReport: readFileSync(seeds('leicestershire-wsoa-highlight-report-2021.txt'), 'utf8'),
    revisitReport: readFileSync(seeds('leicestershire-send-revisit-2023.txt'), 'utf8'),
  };
}

export function describeSeed(result: SeedResult): string {
  const p = result.provisioning;
  const provisioned = [
    p.createdLists.length ? `created ${p.createdLists.length} lists` : '',
    p.addedColumns.length ? `added ${p.addedColumns.length} columns` : '',
    p.indexedColumns.length ? `indexed ${p.indexedColumns.length} columns` : '',
    p.plainTextColumns.length ? `made ${p.plainTextColumns.length} columns plain text` : '',
  ].filter(Boolean);
  const site = provisioned.length
    ? `Provisioning: ${provisioned.join(', ')}.`
    : 'Provisioning: the lists were already in place.';
  const reminders =
    result.reminderPolicy === 'set'
      ? ' Its reminders post to the local team’s channels.'
      : result.reminderPolicy === 'not-local'
        ? ' Set its reminder channels in the tab’s reminder settings.'
        : '';
  if (!result.created) return `${site} The demo plan is already loaded (plan ${result.planId}).${reminders}`;
  const c = result.counts;
  return `${site} Loaded the demo plan (plan ${result.planId}): ${c.priorities} priorities, ${c.focusAreas} focus areas, ${c.actions} actions, ${c.milestones} milestones, ${c.measures} measures, ${c.risks} risks.${reminders}`;
}
