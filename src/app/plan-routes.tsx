import { Spinner } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { ChannelPreviewPage } from '../features/reminders/ChannelPreviewPage';
import { ReminderPreview } from '../features/reminders/ReminderPreview';
import { ReminderSettingsPage } from '../features/reminders/ReminderSettingsPage';
import { overviewQuery } from '../plan/overview';
import { ErrorMessage } from '../ui/ErrorMessage';
import { usePlanStore } from '../ui/store-context';

export function RemindersRoute() {
  return (
    <WithPlan
      render={(planId) => (
        <>
          <ReminderSettingsPage key={`settings-${planId}`} planId={planId} />
          <ReminderPreview key={`preview-${planId}`} planId={planId} />
        </>
      )}
    />
  );
}

export function ChannelsRoute() {
  return <WithPlan render={(planId) => <ChannelPreviewPage key={planId} planId={planId} />} />;
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
