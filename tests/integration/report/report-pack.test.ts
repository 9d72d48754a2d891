import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatDate,
  londonDate,
  resolveScale,
  type Action,
  type Cycle,
  type PersonRef,
  type Priority,
  type Stored,
} from '../../../src/domain';
import { fieldEq } from '../../../src/graph/odata';
import type { PlanStore } from '../../../src/graph/store';
import { seedDemo } from '../../../src/jobs/demo/seed';
import { readSeedSources } from '../../../src/jobs/demo/sources';
import { createCycle, takeSnapshot } from '../../../src/plan/cycles';
import { NotFoundError } from '../../../src/plan/errors';
import { loadPlanOverview } from '../../../src/plan/overview';
import { reportPack, type ReportPack } from '../../../src/plan/report';
import { startTestGraph, type TestGraph } from '../support/local-graph';
import {
  readDocx,
  sectionOf,
  tablesIn,
  textsIn,
  underHeading2,
  type DocBlock,
} from '../../unit/report/docx-reader';

const SECTIONS = [
  'Inspection concern',
  'Improvement headline',
  'Impact on children and families (so what?)',
  'Achieved this period',
  'External support',
  'Barriers and concerns',
  'Actions by rating',
  'Overdue actions and milestones',
  'Measures',
  'Risks',
  'Next steps',
];
const NOT_WRITTEN = 'Not yet written for this cycle';
const BRAGP = resolveScale('bragp');
const OFFICER: PersonRef = {
  entraId: '1c0fccc6-076f-4a48-bdd1-88d88d152aef',
  upn: 'officer@demo.localarea.example',
  displayName: 'Priya Shah',
  agency: 'Leicestershire County Council',
};

let t: TestGraph;
let store: PlanStore;
let planId: string;
let planTitle: string;
let today: string;
let priorities: Stored<Priority>[];
/** Each action's rating at the first snapshot, and at the second. */
let before: Stored<Action>[];
let after: Stored<Action>[];
let november: Stored<Cycle>;
let january: Stored<Cycle>;
let pack: ReportPack;
let blocks: DocBlock[];

/** Actions per rating label (and the total), as the pack should count them. */
function countsOf(actions: readonly Action[], priorityId: string): Map<string, number> {
  const own = actions.filter((a) => a.priorityId === priorityId);
  return new Map([
    ...BRAGP.ratings.map((r): [string, number] => [r.label, own.filter((a) => a.status === r.key).length]),
    ['All actions', own.length],
  ]);
}

beforeAll(async () => {
  t = await startTestGraph();
  store = t.storeAs('officer');
  today = londonDate(new Date());
  planId = (await seedDemo(store, readSeedSources(), today, { reportingHistory: false })).planId;
  const overview = await loadPlanOverview(store, planId);
  planTitle = overview.plan.title;
  priorities = overview.priorities;
  before = overview.actions;
  november = await createCycle(store, planId, [], { kind: 'quarterly', meetingDate: '2026-11-24' });
  january = await createCycle(store, planId, [november], { kind: '6-weekly', meetingDate: '2027-01-12' });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('the report pack of a plan with two snapshots', () => {
  it('is refused, naming what to do, while the plan has no snapshot', async () => {
    const latest = reportPack(store, planId, 'latest');
    await expect(latest).rejects.toThrow(NotFoundError);
    await expect(latest).rejects.toThrow(
      `"${planTitle}" has no snapshot yet. Take a snapshot of a reporting cycle first`,
    );
    await expect(reportPack(store, planId, { cycleId: november.id })).rejects.toThrow(
      `"${november.title}" has no snapshot yet. Take a snapshot of a reporting cycle first`,
    );
  });

  it('is written from the second snapshot, compared with the first', async () => {
    const [ip1, ip2] = priorities;
    if (!ip1 || !ip2) throw new Error('The demo plan has fewer than two priorities');
    november = (await takeSnapshot(store, november, OFFICER, new Date(), today)).cycle;

    // Between the cycles: one action of IP1 completed, one of IP2 back to "yet to start",
    // a new reading of an IP2 measure, IP1's impact written, and a risk to the whole plan.
    const raised = before.find((a) => a.priorityId === ip1.id && a.status !== 'blue');
    const lowered = before.find((a) => a.priorityId === ip2.id && a.status !== 'purple');
    if (!raised || !lowered) throw new Error('The demo plan has no action to raise in IP1 or lower in IP2');
    await store.actions.update(raised, { status: 'blue' });
    await store.actions.update(lowered, { status: 'purple' });
    const measures = await store.measures.query({ filter: fieldEq('PlanId', planId) }, []);
    const ehcp = measures.find(
      (m) => m.priorityId === ip2.id && m.title === 'EHC plans issued within 20 weeks',
    );
    if (!ehcp) throw new Error('The demo plan has no EHC plan timeliness measure');
    await store.measureReadings.create({ planId, measureId: ehcp.id, date: today, value: 58, note: '' });
    await store.priorities.update(ip1, {
      impact: 'Families now meet one joint offer.',
      barriers: [{ concern: 'Partners slow to sign the agreement', response: 'Escalated to chief officers' }],
    });
    // IP2's lead has not written this cycle's impact or barriers yet (the demo seeds both).
    await store.priorities.update(ip2, { impact: '', barriers: [] });
    await store.risks.create({
      planId,
      priorityId: null,
      title: 'Funding for the plan ends in March',
      consequence: 5,
      likelihood: 4,
      mitigation: 'Bid to the DfE',
      owner: 'Priya Shah',
      status: 'open',
      trend: 'rising',
    });
    january = (await takeSnapshot(store, january, OFFICER, new Date(), today)).cycle;
    after = (await loadPlanOverview(store, planId)).actions;

    pack = await reportPack(store, planId, { cycleId: january.id });
    expect(pack.fileName).toBe('Report pack - 6-weekly board, 12 Jan 2027.docx');
    expect(pack.cycle.id).toBe(january.id);
    blocks = await readDocx(pack.bytes);
    const title = textsIn(blocks.slice(0, 8));
    expect(title).toEqual(
      expect.arrayContaining([
        'Report to the SEND and Inclusion Board',
        `Snapshot taken ${formatDate(today)} by Priya Shah`,
        `Direction of travel is measured against the snapshot taken ${formatDate(today)}`,
      ]),
    );
  });

  it('gives the summary one line per priority with its headline, counts and direction of travel', () => {
    const [summary] = tablesIn(sectionOf(blocks, 'Summary'));
    expect(summary?.headerRepeats).toBe(true);
    expect(summary?.rows[0]).toEqual([
      'Priority',
      'Improvement headline',
      'Actions by rating',
      'Direction of travel',
    ]);
    expect(summary?.rows.slice(1).map((row) => row[0])).toEqual(
      priorities.map((p) => `${p.label}\n${p.title}`),
    );
    priorities.forEach((p, i) => {
      const row = summary?.rows[i + 1] ?? [];
      expect(row[1]).toBe(p.headline.trim() || NOT_WRITTEN);
      for (const [label, count] of countsOf(after, p.id)) expect(row[2]).toContain(`${label}: ${count}\n`);
      expect(row[3]).toBe(
        i === 0 ? '↑ Improved (1 up, 0 down)' : i === 1 ? '↓ Worse (0 up, 1 down)' : '→ No change',
      );
    });
  });

  it('gives every priority its own page with each section, its rating counts and the figures behind its direction', () => {
    priorities.forEach((p, i) => {
      const section = sectionOf(blocks, `${p.label}: ${p.title}`);
      const [heading] = section;
      expect(heading).toMatchObject({ style: 'Heading1', pageBreakBefore: true });
      const headings = section.filter((b) => b.kind === 'paragraph' && b.style === 'Heading2');
      expect(headings.map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual(SECTIONS);

      const ratings = underHeading2(section, 'Actions by rating');
      const [counts] = tablesIn(ratings);
      expect(counts?.rows[0]).toEqual(['Rating', 'Actions now', 'At the last snapshot', 'Change']);
      const now = countsOf(after, p.id);
      const then = countsOf(before, p.id);
      const rows = new Map(counts?.rows.slice(1).map((r) => [r[0], r.slice(1)]));
      for (const [label, count] of now) {
        expect(rows.get(label)?.slice(0, 2), `${p.label} ${label}`).toEqual([
          String(count),
          String(then.get(label)),
        ]);
      }
      const own = after.filter((a) => a.priorityId === p.id).length;
      const [travel, detail] = textsIn(ratings);
      if (i === 0) {
        expect(travel).toBe('Direction of travel: ↑ Improved (1 up, 0 down)');
        expect(detail).toBe(`1 up, 0 down, ${own - 1} unchanged, 0 new since the last snapshot`);
        expect(rows.get('Completed')?.[2]).toBe('1 more');
      } else if (i === 1) {
        expect(travel).toBe('Direction of travel: ↓ Worse (0 up, 1 down)');
        expect(detail).toBe(`0 up, 1 down, ${own - 1} unchanged, 0 new since the last snapshot`);
        expect(rows.get('Yet to start')?.[2]).toBe('1 more');
      } else {
        expect(travel).toBe('Direction of travel: → No change');
        expect(detail).toBe(`0 up, 0 down, ${own} unchanged, 0 new since the last snapshot`);
      }
    });
  });

  it('writes the narrative as the priority lead left it, and says where nothing is written yet', () => {
    const [ip1, ip2] = priorities;
    const first = sectionOf(blocks, `${ip1?.label}: ${ip1?.title}`);
    expect(textsIn(underHeading2(first, 'Impact on children and families (so what?)'))).toEqual([
      'Families now meet one joint offer.',
    ]);
    expect(textsIn(underHeading2(first, 'Inspection concern'))).toEqual([
      `“${ip1?.inspectionConcern.trim()}”`,
    ]);
    expect(tablesIn(underHeading2(first, 'Barriers and concerns'))[0]?.rows).toEqual([
      ['Barrier or concern', 'Mitigation or change control'],
      ['Partners slow to sign the agreement', 'Escalated to chief officers'],
    ]);
    const second = sectionOf(blocks, `${ip2?.label}: ${ip2?.title}`);
    expect(textsIn(underHeading2(second, 'Impact on children and families (so what?)'))).toEqual([
      NOT_WRITTEN,
    ]);
    expect(textsIn(underHeading2(second, 'Barriers and concerns'))).toEqual([NOT_WRITTEN]);
  });

  it('shows a measure’s new reading against its trajectory and against the last snapshot', () => {
    const ip2 = priorities[1];
    const [measures] = tablesIn(underHeading2(sectionOf(blocks, `${ip2?.label}: ${ip2?.title}`), 'Measures'));
    expect(measures?.headerRepeats).toBe(true);
    const row = measures?.rows.find((r) => r[0] === 'EHC plans issued within 20 weeks');
    expect(row?.slice(3)).toEqual([`58% on ${formatDate(today)}`, 'On trajectory', '↑ Improved (was 52%)']);
  });

  it('lists the priority’s risks, the plan’s own risks and the top five', () => {
    const ip2 = priorities[1];
    const [risks] = tablesIn(underHeading2(sectionOf(blocks, `${ip2?.label}: ${ip2?.title}`), 'Risks'));
    expect(risks?.rows[1]?.slice(0, 4)).toEqual([
      'Rising requests for assessment outstrip capacity to issue plans in 20 weeks',
      '16 (4 × 4)',
      'Extreme',
      '↑ Rising',
    ]);
    const across = sectionOf(blocks, 'Across the plan');
    expect(tablesIn(underHeading2(across, 'Risks across the plan'))[0]?.rows[1]?.slice(0, 3)).toEqual([
      'Funding for the plan ends in March',
      '20 (5 × 4)',
      'Extreme',
    ]);
    const top = tablesIn(underHeading2(across, 'Top 5 risks'))[0]?.rows ?? [];
    expect(top).toHaveLength(1 + Math.min(5, 1 + priorities.length + 1));
    expect(top.slice(1, 3).map((r) => r.slice(0, 2))).toEqual([
      ['Whole plan', 'Funding for the plan ends in March'],
      [ip2?.label, 'Rising requests for assessment outstrip capacity to issue plans in 20 weeks'],
    ]);
  });

  it('gives the latest snapshot when asked for the latest, and the first one with no direction of travel', async () => {
    const latest = await reportPack(store, planId, 'latest');
    expect(latest.cycle.id).toBe(january.id);
    const first = await reportPack(store, planId, { cycleId: november.id });
    expect(first.fileName).toBe('Report pack - Quarterly board, 24 Nov 2026.docx');
    const [summary] = tablesIn(sectionOf(await readDocx(first.bytes), 'Summary'));
    expect(summary?.rows.slice(1).map((r) => r[3])).toEqual(
      priorities.map(() => 'No earlier snapshot to compare with'),
    );
  });

  it('names the snapshots there are when asked for a cycle the plan does not have', async () => {
    await expect(reportPack(store, planId, { cycleId: 'no-such-cycle' })).rejects.toThrow(
      `No reporting cycle with the id "no-such-cycle" in "${planTitle}"; its snapshots: "${november.title}" (id ${november.id}), "${january.title}" (id ${january.id})`,
    );
  });

  it('is made for a board member who may only read the plan', async () => {
    const chairs = await reportPack(t.storeAs('chair'), planId, 'latest');
    expect(chairs.cycle.id).toBe(january.id);
    expect(chairs.bytes.length).toBeGreaterThan(0);
  });
});
