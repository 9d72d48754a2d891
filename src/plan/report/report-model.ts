import {
  countByRating,
  findRating,
  formatDate,
  isActionOverdue,
  londonDate,
  resolveScale,
  type CycleKind,
  type IsoDate,
  type Plan,
  type RatingScale,
} from '../../domain';
import { type Snapshot, type SnapshotAction, type SnapshotPriority } from '../../domain/snapshot';
import { describeDirection, priorityDirection, type Direction } from '../../domain/direction';
import { topRisks } from '../../domain/risks';
import { CYCLE_KIND_TEXT, defaultCycleTitle } from '../cycles';
import {
  measureLine,
  NO_EARLIER_SNAPSHOT,
  riskLine,
  WHOLE_PLAN,
  type MeasureLine,
  type RiskLine,
} from './report-lines';

/**
 * The board's highlight report, built from one reporting cycle's snapshot and the
 * one before it (DOMAIN.md, "What a progress report for one priority contains").
 * Pure: every figure and every word the pack shows is decided here, so the Word
 * rendering only lays it out.
 */

export const NOT_WRITTEN = 'Not yet written for this cycle';
export const TOP_RISKS = 5;

/** A narrative text as the report shows it: what was written, or that nothing was. */
export interface ReportText {
  text: string;
  written: boolean;
}

export interface RatingCountLine {
  label: string;
  count: number;
  /** The count in the previous snapshot; null without one (or when the priority was not in it). */
  before: number | null;
}

export interface ActionCounts {
  byRating: RatingCountLine[];
  /** Actions whose rating is not on the plan's scale. */
  unrated: RatingCountLine;
  total: RatingCountLine;
}

export interface TravelLine {
  /** Null when there is no earlier snapshot to compare with. */
  direction: Direction | null;
  up: number;
  down: number;
  held: number;
  added: number;
  /** "↑ Improved (3 up, 1 down)". */
  text: string;
  /** "3 up, 1 down, 10 unchanged, 2 new since the last snapshot". */
  detail: string;
}

export interface SummaryLine {
  label: string;
  title: string;
  headline: ReportText;
  counts: ActionCounts;
  overdueActions: number;
  travel: TravelLine;
}

export interface OverdueActionLine {
  reference: string;
  text: string;
  rating: string;
  due: string;
}

export interface PriorityReport {
  priorityId: string;
  label: string;
  title: string;
  /** "IP1: Joint commissioning strategy". */
  heading: string;
  inspectionConcern: ReportText;
  headline: ReportText;
  impact: ReportText;
  achieved: ReportText;
  externalSupport: ReportText;
  barriers: { concern: string; response: string }[];
  nextSteps: ReportText;
  counts: ActionCounts;
  travel: TravelLine;
  overdueActions: OverdueActionLine[];
  overdueMilestones: number;
  measures: MeasureLine[];
  /** Open risks, highest first. */
  risks: RiskLine[];
  closedRisks: number;
}

export interface ReportModel {
  planTitle: string;
  localArea: string;
  /** "Report to the SEND and Inclusion Board". */
  reportTo: string;
  cycleTitle: string;
  /** The cycle's title, with its kind and meeting date when the title does not say them. */
  cycleLine: string;
  /** "Snapshot taken 3 Dec 2026 by Priya Shah". */
  snapshotLine: string;
  /** What the direction of travel is measured against. */
  comparedWith: string;
  asOf: string;
  scaleName: string;
  summary: SummaryLine[];
  priorities: PriorityReport[];
  planMeasures: MeasureLine[];
  planRisks: RiskLine[];
  closedPlanRisks: number;
  topRisks: RiskLine[];
}

export interface ReportInput {
  plan: Pick<Plan, 'title' | 'localArea' | 'governanceBoard' | 'scaleId' | 'columnOrder'>;
  cycle: { title: string; kind: CycleKind; meetingDate: IsoDate };
  snapshot: Snapshot;
  previous: Snapshot | null;
}

export function buildReportModel({ plan, cycle, snapshot, previous }: ReportInput): ReportModel {
  // The plan's column order, while it still uses the scale the snapshot was taken on.
  const scale = resolveScale(snapshot.scaleId, plan.scaleId === snapshot.scaleId ? plan.columnOrder : null);
  const priorities = snapshot.priorities.map((p) => priorityReport(p, snapshot, previous, scale));
  const labelOf = new Map(snapshot.priorities.map((p) => [p.priorityId, p.label]));
  const planWide = <T extends { priorityId: string | null }>(items: readonly T[]) =>
    items.filter((item) => item.priorityId === null);
  const planRisks = planWide(snapshot.risks);
  return {
    planTitle: plan.title,
    localArea: plan.localArea,
    reportTo: `Report to the ${boardName(plan.governanceBoard)}`,
    cycleTitle: cycle.title,
    cycleLine:
      cycle.title === defaultCycleTitle(cycle.kind, cycle.meetingDate)
        ? cycle.title
        : `${cycle.title} (${CYCLE_KIND_TEXT[cycle.kind]}, ${formatDate(cycle.meetingDate)})`,
    snapshotLine: `Snapshot taken ${formatDate(londonDate(new Date(snapshot.takenAt)))}${snapshot.takenBy.trim() ? ` by ${snapshot.takenBy.trim()}` : ''}`,
    comparedWith: previous
      ? `Direction of travel is measured against the snapshot taken ${formatDate(londonDate(new Date(previous.takenAt)))}`
      : `${NO_EARLIER_SNAPSHOT}: this is the plan's first snapshot`,
    asOf: formatDate(snapshot.asOf),
    scaleName: scale.name,
    summary: priorities.map((p) => ({
      label: p.label,
      title: p.title,
      headline: p.headline,
      counts: p.counts,
      overdueActions: p.overdueActions.length,
      travel: p.travel,
    })),
    priorities,
    planMeasures: measureLines(planWide(snapshot.measures), snapshot, previous),
    planRisks: topRisks(planRisks, planRisks.length).map((r) => riskLine(r, WHOLE_PLAN)),
    closedPlanRisks: planRisks.filter((r) => r.status !== 'open').length,
    topRisks: topRisks(snapshot.risks, TOP_RISKS).map((r) =>
      riskLine(r, r.priorityId === null ? WHOLE_PLAN : (labelOf.get(r.priorityId) ?? WHOLE_PLAN)),
    ),
  };
}

/** "the SEND and Inclusion Board" reads once, whether or not the plan wrote "The". */
function boardName(governanceBoard: string): string {
  const name = governanceBoard.trim().replace(/^the\s+/i, '');
  return name || 'improvement board';
}

function priorityReport(
  priority: SnapshotPriority,
  snapshot: Snapshot,
  previous: Snapshot | null,
  scale: RatingScale,
): PriorityReport {
  const id = priority.priorityId;
  const actions = snapshot.actions.filter((a) => a.priorityId === id);
  // A priority not in the previous snapshot has nothing to be compared with: it is new.
  const wasThere = previous?.priorities.some((p) => p.priorityId === id) ?? false;
  const before = previous && wasThere ? previous.actions.filter((a) => a.priorityId === id) : null;
  const risks = snapshot.risks.filter((r) => r.priorityId === id);
  const n = priority.narrative;
  return {
    priorityId: id,
    label: priority.label,
    title: priority.title,
    heading: `${priority.label}: ${priority.title}`,
    inspectionConcern: written(priority.inspectionConcern),
    headline: written(n.headline),
    impact: written(n.impact),
    achieved: written(n.achieved),
    externalSupport: written(n.externalSupport),
    barriers: n.barriers.map((b) => ({ concern: b.concern, response: b.response })),
    nextSteps: written(n.nextSteps),
    counts: actionCounts(actions, before, scale),
    travel: travelLine(actions, previous && { actions: previous.actions, wasThere }, scale),
    overdueActions: actions
      .filter((a) => isActionOverdue(a, scale, snapshot.asOf))
      .map((a) => ({
        reference: a.reference,
        text: a.text,
        rating: findRating(scale, a.status)?.label ?? 'Not on the scale',
        due: a.dueDate === null ? '' : formatDate(a.dueDate),
      })),
    overdueMilestones: priority.overdueMilestones,
    measures: measureLines(
      snapshot.measures.filter((m) => m.priorityId === id),
      snapshot,
      previous,
    ),
    risks: topRisks(risks, risks.length).map((r) => riskLine(r, priority.label)),
    closedRisks: risks.filter((r) => r.status !== 'open').length,
  };
}

function written(text: string): ReportText {
  const trimmed = text.trim();
  return trimmed ? { text: trimmed, written: true } : { text: NOT_WRITTEN, written: false };
}

function actionCounts(
  now: readonly SnapshotAction[],
  before: readonly SnapshotAction[] | null,
  scale: RatingScale,
): ActionCounts {
  const counted = countByRating(now, scale);
  const then = before === null ? null : countByRating(before, scale);
  return {
    byRating: counted.byRating.map((r, i) => ({
      label: r.label,
      count: r.count,
      before: then?.byRating[i]?.count ?? null,
    })),
    unrated: { label: 'Not on the scale', count: counted.unrated, before: then?.unrated ?? null },
    total: { label: 'All actions', count: counted.total, before: then?.total ?? null },
  };
}

/**
 * Every action of the priority against its rating in the previous snapshot, wherever
 * it sat then (an action moved between priorities still compares).
 */
function travelLine(
  now: readonly SnapshotAction[],
  previous: { actions: readonly SnapshotAction[]; wasThere: boolean } | null,
  scale: RatingScale,
): TravelLine {
  const before = previous?.wasThere ? new Map(previous.actions.map((a) => [a.actionId, a.status])) : null;
  const d = priorityDirection(
    scale,
    now.map((a) => ({ id: a.actionId, status: a.status })),
    before,
  );
  if (previous === null)
    return { ...d, direction: null, text: NO_EARLIER_SNAPSHOT, detail: NO_EARLIER_SNAPSHOT };
  return {
    ...d,
    text: describeDirection(d),
    detail: `${d.up} up, ${d.down} down, ${d.held} unchanged, ${d.added} new since the last snapshot`,
  };
}

function measureLines(
  measures: Snapshot['measures'],
  snapshot: Snapshot,
  previous: Snapshot | null,
): MeasureLine[] {
  const then = previous && new Map(previous.measures.map((m) => [m.measureId, m]));
  return measures.map((m) => measureLine(m, snapshot.asOf, then && { before: then.get(m.measureId) }));
}
