import { createContext, useContext, type ReactNode } from 'react';
import type { FlowRuns } from '../plan/reminders/flow-runs';

const FlowRunsContext = createContext<FlowRuns | null>(null);

/** Where the channel preview learns what the Workflows flows could not post; none against a tenant. */
export function FlowRunsProvider(props: { flowRuns: FlowRuns | null; children: ReactNode }) {
  return <FlowRunsContext.Provider value={props.flowRuns}>{props.children}</FlowRunsContext.Provider>;
}

export function useFlowRuns(): FlowRuns | null {
  return useContext(FlowRunsContext);
}
