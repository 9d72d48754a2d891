import { z } from 'zod';
import { queryKeys } from '../query-keys';

/** A card a Teams Workflows flow accepted (202) and then could not post. */
export interface FlowFailure {
  channelId: string;
  /** When the flow gave up (ISO 8601). */
  time: string;
  reason: string;
}

/**
 * What the flows behind the reminder webhooks made of what they accepted. A
 * tenant's flows keep that in their run history in Power Automate, which the tab
 * cannot read; the local Graph's receiver keeps it where the channel preview can.
 */
export interface FlowRuns {
  failuresIn(channelId: string): Promise<FlowFailure[]>;
}

const failuresSchema = z.array(
  z.object({ channelId: z.string(), time: z.string(), reason: z.string() }).loose(),
);

export function localFlowRuns(origin: string): FlowRuns {
  return {
    async failuresIn(channelId) {
      const response = await fetch(`${origin}/_admin/webhooks/failures`);
      if (!response.ok)
        throw new Error(`The local Graph did not list its flows' failures (HTTP ${response.status})`);
      return failuresSchema
        .parse(await response.json())
        .filter((f) => f.channelId === channelId)
        .map(({ channelId: id, time, reason }) => ({ channelId: id, time, reason }));
    },
  };
}

export function flowFailuresQuery(flowRuns: FlowRuns, channelId: string) {
  return {
    queryKey: queryKeys.flowFailuresIn(channelId),
    queryFn: () => flowRuns.failuresIn(channelId),
  };
}
