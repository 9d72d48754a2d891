import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { Route, Routes, useNavigate, useParams, useSearchParams } from 'react-router';
import { BoardPage } from '../features/board/BoardPage';
import { paths, routes } from '../ui/paths';
import { actionIdFromSubPage } from '../teams/teams-host';
import { useTeams } from '../teams/TeamsProvider';

// What the first view does not need is loaded when it is opened.
const OverviewPage = lazy(() =>
  import('../features/overview/OverviewPage').then((m) => ({ default: m.OverviewPage })),
);
const ActionPage = lazy(() =>
  import('../features/action/ActionPage').then((m) => ({ default: m.ActionPage })),
);
const StructurePage = lazy(() =>
  import('../features/structure/StructurePage').then((m) => ({ default: m.StructurePage })),
);
const NewPlanPage = lazy(() =>
  import('../features/structure/NewPlanPage').then((m) => ({ default: m.NewPlanPage })),
);
const MyWorkPage = lazy(() =>
  import('../features/my-work/MyWorkPage').then((m) => ({ default: m.MyWorkPage })),
);
// The import page; its readers (Word, Excel, CSV) load only when a file or a paste is read.
const ImportPage = lazy(() =>
  import('../features/import/ImportPage').then((m) => ({ default: m.ImportPage })),
);
// The board's reporting views: measures, risks, revisit readiness, cycles and narratives.
const MeasuresPage = lazy(() =>
  import('../features/measures/MeasuresPage').then((m) => ({ default: m.MeasuresPage })),
);
const RisksPage = lazy(() => import('../features/risks/RisksPage').then((m) => ({ default: m.RisksPage })));
const RevisitPage = lazy(() =>
  import('../features/revisit/RevisitPage').then((m) => ({ default: m.RevisitPage })),
);
const CyclesPage = lazy(() =>
  import('../features/cycles/CyclesPage').then((m) => ({ default: m.CyclesPage })),
);
const NarrativePage = lazy(() =>
  import('../features/cycles/NarrativePage').then((m) => ({ default: m.NarrativePage })),
);
// A channel tab's configuration and removal pages, opened by Teams when the tab is added or removed.
const ConfigurePage = lazy(() =>
  import('../features/configure/ConfigurePage').then((m) => ({ default: m.ConfigurePage })),
);
const RemovePage = lazy(() =>
  import('../features/configure/RemovePage').then((m) => ({ default: m.RemovePage })),
);
// The views of one plan chosen by `?plan=` or by default; their own pages load when opened.
const RemindersRoute = lazy(() => import('./plan-routes').then((m) => ({ default: m.RemindersRoute })));
const ChannelsRoute = lazy(() => import('./plan-routes').then((m) => ({ default: m.ChannelsRoute })));

export function AppRoutes() {
  useDeepLink();
  return (
    <Routes>
      <Route
        path="/"
        element={
          <Lazy>
            <OverviewRoute />
          </Lazy>
        }
      />
      <Route path={routes.board} element={<BoardRoute />} />
      <Route
        path={routes.action}
        element={
          <Lazy>
            <ActionRoute />
          </Lazy>
        }
      />
      <Route
        path={routes.newPlan}
        element={
          <Lazy>
            <NewPlanPage />
          </Lazy>
        }
      />
      <Route
        path={routes.structure}
        element={
          <Lazy>
            <StructureRoute />
          </Lazy>
        }
      />
      <Route
        path={routes.importPlan}
        element={
          <Lazy>
            <ImportRoute />
          </Lazy>
        }
      />
      {PLAN_PAGES.map(({ path, Page }) => (
        <Route
          key={path}
          path={path}
          element={
            <Lazy>
              <PlanPageRoute Page={Page} />
            </Lazy>
          }
        />
      ))}
      <Route
        path={routes.narrative}
        element={
          <Lazy>
            <NarrativeRoute />
          </Lazy>
        }
      />
      <Route
        path="/my-work"
        element={
          <Lazy>
            <MyWorkPage />
          </Lazy>
        }
      />
      <Route
        path="/reminders"
        element={
          <Lazy>
            <RemindersRoute />
          </Lazy>
        }
      />
      <Route
        path="/channels"
        element={
          <Lazy>
            <ChannelsRoute />
          </Lazy>
        }
      />
      <Route
        path={routes.configure}
        element={
          <Lazy>
            <ConfigurePage />
          </Lazy>
        }
      />
      <Route
        path={routes.remove}
        element={
          <Lazy>
            <RemovePage />
          </Lazy>
        }
      />
      <Route
        path="*"
        element={
          <Lazy>
            <OverviewRoute />
          </Lazy>
        }
      />
    </Routes>
  );
}

const PLAN_PAGES: { path: string; Page: ComponentType<{ planId: string }> }[] = [
  { path: routes.measures, Page: MeasuresPage },
  { path: routes.risks, Page: RisksPage },
  { path: routes.revisit, Page: RevisitPage },
  { path: routes.cycles, Page: CyclesPage },
];

/** A page of one plan, keyed by it so that moving to another plan starts it afresh. */
function PlanPageRoute(props: { Page: ComponentType<{ planId: string }> }) {
  const { planId = '' } = useParams();
  return <props.Page key={planId} planId={planId} />;
}

function NarrativeRoute() {
  const { planId = '', priorityId = '' } = useParams();
  return <NarrativePage key={`${planId}/${priorityId}`} planId={planId} priorityId={priorityId} />;
}

function Lazy(props: { children: ReactNode }) {
  return <Suspense fallback={<Spinner label="Loading…" />}>{props.children}</Suspense>;
}

function OverviewRoute() {
  const [params] = useSearchParams();
  return <OverviewPage planId={params.get('plan')} cycleId={params.get('cycle')} />;
}

function BoardRoute() {
  const { planId = '', priorityId = '' } = useParams();
  return <BoardPage key={`${planId}/${priorityId}`} planId={planId} priorityId={priorityId} />;
}

function ActionRoute() {
  const { actionId = '' } = useParams();
  return <ActionPage key={actionId} actionId={actionId} />;
}

function StructureRoute() {
  const { planId = '' } = useParams();
  return <StructurePage key={planId} planId={planId} />;
}

function ImportRoute() {
  const { planId = '' } = useParams();
  return <ImportPage key={planId} planId={planId} />;
}

/** A Teams deep link (sub-entity "action:123") or `?subEntityId=action:123` opens that action. */
function useDeepLink() {
  const { host } = useTeams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const fromUrl = params.get('subEntityId');
  const actionId = actionIdFromSubPage(host?.subPageId ?? fromUrl);
  useEffect(() => {
    if (actionId) void navigate(paths.action(actionId), { replace: true });
  }, [actionId, navigate]);
}
