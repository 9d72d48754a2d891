import { Spinner } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Route, Routes, useNavigate, useParams, useSearchParams } from 'react-router';
import { BoardPage } from '../features/board/BoardPage';
import { overviewQuery } from '../plan/overview';
import { ErrorMessage } from '../ui/ErrorMessage';
import { paths, routes } from '../ui/paths';
import { usePlanStore } from '../ui/store-context';
import { actionIdFromSubPage } from '../teams/teams-host';
import { useTeams } from '../teams/TeamsProvider';

// What the first view does not need is loaded when it is opened.
const OverviewPage = lazy(() =>
  import('../features/overview/OverviewPage').then((m) => ({ default: m.OverviewPage })),
);
const ActionPage = lazy(() =>
  import('../features/action/ActionPage').then((m) => ({ default: m.ActionPage })),
);
const MyWorkPage = lazy(() =>
  import('../features/my-work/MyWorkPage').then((m) => ({ default: m.MyWorkPage })),
);
const ReminderSettingsPage = lazy(() =>
  import('../features/reminders/ReminderSettingsPage').then((m) => ({ default: m.ReminderSettingsPage })),
);
const ReminderPreview = lazy(() =>
  import('../features/reminders/ReminderPreview').then((m) => ({ default: m.ReminderPreview })),
);
const ChannelPreviewPage = lazy(() =>
  import('../features/reminders/ChannelPreviewPage').then((m) => ({ default: m.ChannelPreviewPage })),
);

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
            <WithPlan
              render={(planId) => (
                <>
                  <ReminderSettingsPage key={`settings-${planId}`} planId={planId} />
                  <ReminderPreview key={`preview-${planId}`} planId={planId} />
                </>
              )}
            />
          </Lazy>
        }
      />
      <Route
        path="/channels"
        element={
          <Lazy>
            <WithPlan render={(planId) => <ChannelPreviewPage key={planId} planId={planId} />} />
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

function Lazy(props: { children: ReactNode }) {
  return <Suspense fallback={<Spinner label="Loading…" />}>{props.children}</Suspense>;
}

/** Views of one plan take it from `?plan=`, else the plan the overview would show. */
function WithPlan(props: { render: (planId: string) => ReactNode }) {
  const [params] = useSearchParams();
  const fromUrl = params.get('plan');
  const fallback = useQuery({ ...overviewQuery(usePlanStore(), null), enabled: !fromUrl });
  if (fromUrl) return <>{props.render(fromUrl)}</>;
  if (fallback.isError) return <ErrorMessage error={fallback.error} />;
  if (!fallback.data) return <Spinner label="Loading the plan…" />;
  return <>{props.render(fallback.data.plan.id)}</>;
}

function OverviewRoute() {
  const [params] = useSearchParams();
  return <OverviewPage planId={params.get('plan')} />;
}

function BoardRoute() {
  const { planId = '', priorityId = '' } = useParams();
  return <BoardPage key={`${planId}/${priorityId}`} planId={planId} priorityId={priorityId} />;
}

function ActionRoute() {
  const { actionId = '' } = useParams();
  return <ActionPage key={actionId} actionId={actionId} />;
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
