import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo } from 'react';
import { boardQuery, type PriorityBoardData } from '../../plan/board';
import { DataProblems } from '../../ui/DataProblems';
import { LiveRegion, useAnnouncer } from '../../ui/LiveRegion';
import { PageOf } from '../../ui/Page';
import { RatingChangePrompts } from '../../ui/rating-change/RatingChangePrompts';
import { useSession } from '../../ui/session';
import { usePlanStore } from '../../ui/store-context';
import { useToday } from '../../ui/use-today';
import { useTeams } from '../../teams/TeamsProvider';
import { BoardGrid } from './BoardGrid';
import { BoardHeader } from './BoardHeader';
import { BoardToolbar } from './BoardToolbar';
import { InteractiveContext, useInteractive } from './interactive';
import { agencyOptions, leadOptions } from './filters';
import { useBoardFilters, useBoardLayout, useBoardMoves, useCardViews, usePlanScale } from './use-board';

/** The board of one improvement priority: a column per rating, cards that move by drag, menu or keyboard. */
export function BoardPage(props: { planId: string; priorityId: string }) {
  const board = useQuery(boardQuery(usePlanStore(), props.planId, props.priorityId));
  return (
    <PageOf read={board} loading="Loading the board…">
      {(data) => <Board data={data} />}
    </PageOf>
  );
}

function Board({ data }: { data: PriorityBoardData }) {
  const session = useSession();
  const scale = usePlanScale(data);
  const today = useToday();
  const cards = useCardViews(data, scale, today);
  const { filters, setFilters, search } = useBoardFilters();
  const { message, announce } = useAnnouncer();
  const { flow, focus, moves, onMove, onCardKey } = useBoardMoves(data, scale, session.canEdit, announce);
  const layout = useBoardLayout(cards, filters, data, scale, today, moves);
  const interactive = useInteractive(session.canEdit);
  const instructionsId = useId();
  const { actions } = data;
  const options = useMemo(
    () => ({ leads: leadOptions(actions), agencies: agencyOptions(actions) }),
    [actions],
  );
  const { ready } = useTeams();
  useEffect(() => ready(), [ready]);

  const shared = useMemo(
    () => ({
      scale,
      canEdit: session.canEdit,
      saving: flow.moving,
      focus,
      describedBy: instructionsId,
      onMove,
      onCardKey,
    }),
    [scale, session.canEdit, flow.moving, focus, instructionsId, onMove, onCardKey],
  );

  return (
    <>
      <BoardHeader
        plan={data.plan}
        priority={data.priority}
        priorities={data.priorities}
        search={search}
        readOnly={!session.canEdit}
      />
      <DataProblems problems={data.problems} />
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
    </>
  );
}
