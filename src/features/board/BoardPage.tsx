import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useId, useMemo } from 'react';
import { useSession } from '../../shared/session';
import { ErrorMessage } from '../../shared/ui/ErrorMessage';
import { LiveRegion, useAnnouncer } from '../../shared/ui/LiveRegion';
import { RatingChangePrompts } from '../../shared/ui/RatingChangePrompts';
import { useTeams } from '../../teams/TeamsProvider';
import { BoardGrid } from './BoardGrid';
import { BoardHeader } from './BoardHeader';
import { BoardToolbar } from './BoardToolbar';
import { InteractiveContext, useInteractive } from './interactive';
import { agencyOptions, leadOptions } from './filters';
import {
  useBoardFilters,
  useBoardLayout,
  useBoardMoves,
  useBoardQuery,
  useCardViews,
  usePlanScale,
  useToday,
} from './use-board';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
  },
});

/** The board of one improvement priority: a column per rating, cards that move by drag, menu or keyboard. */
export function BoardPage(props: { planId: string; priorityId: string }) {
  const styles = useStyles();
  const session = useSession();
  const query = useBoardQuery(props.planId, props.priorityId);
  const data = query.data;
  const scale = usePlanScale(data);
  const today = useToday();
  const cards = useCardViews(data, scale, today);
  const { filters, setFilters, search } = useBoardFilters();
  const { message, announce } = useAnnouncer();
  const { flow, focus, moves, onMove, onCardKey } = useBoardMoves(data, scale, session.canEdit, announce);
  const layout = useBoardLayout(cards, filters, data, scale, today, moves);
  const interactive = useInteractive(session.canEdit && data !== undefined);
  const instructionsId = useId();
  const actions = data?.actions;
  const options = useMemo(
    () => ({ leads: leadOptions(actions ?? []), agencies: agencyOptions(actions ?? []) }),
    [actions],
  );
  useBoardReady(data !== undefined);

  const shared = useMemo(
    () =>
      scale && {
        scale,
        canEdit: session.canEdit,
        saving: flow.moving,
        focus,
        describedBy: instructionsId,
        onMove,
        onCardKey,
      },
    [scale, session.canEdit, flow.moving, focus, instructionsId, onMove, onCardKey],
  );

  if (query.isPending) return <Spinner className={styles.page} label="Loading the board…" />;
  if (query.isError) return <ErrorMessage error={query.error} />;
  if (!data || !scale || !shared) return null;
  return (
    <main className={styles.page}>
      <BoardHeader
        plan={data.plan}
        priority={data.priority}
        priorities={data.priorities}
        search={search}
        readOnly={!session.canEdit}
      />
      <BoardToolbar
        filters={filters}
        onChange={setFilters}
        leads={options.leads}
        agencies={options.agencies}
        shown={layout.shown.length}
        total={cards.length}
      />
      <RatingChangePrompts
        flow={flow}
        scaleFor={() => scale}
        requireNoteFor={() => data.plan.requireProgressNote}
      />
      <InteractiveContext.Provider value={interactive}>
        <BoardGrid columns={layout.columns} lanes={layout.lanes} shared={shared} />
      </InteractiveContext.Provider>
      <p id={instructionsId} hidden>
        {session.canEdit
          ? 'Alt with Left or Right arrow moves the action to the neighbouring rating; the Move to button lists every rating. Up and Down arrows go to the next action.'
          : 'Up and Down arrows go to the next action.'}
      </p>
      <LiveRegion message={message} />
    </main>
  );
}

/** Tells Teams once the board is on screen. */
function useBoardReady(loaded: boolean) {
  const { ready } = useTeams();
  useEffect(() => {
    if (loaded) ready();
  }, [loaded, ready]);
}
