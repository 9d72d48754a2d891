import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createGraphClient } from '../../graph/client';
import { createPlanStore, type PlanStore } from '../../graph/store';

const StoreContext = createContext<PlanStore | null>(null);

export function createTabStore(
  graphBaseUrl: string,
  siteId: string,
  getToken: () => Promise<string>,
): PlanStore {
  return createPlanStore({ client: createGraphClient({ baseUrl: graphBaseUrl, getToken }), siteId });
}

/** Gives the views one PlanStore, talking Graph (real or local) with the session's token. */
export function StoreProvider(props: {
  graphBaseUrl: string;
  siteId: string;
  getToken: () => Promise<string>;
  children: ReactNode;
}) {
  const { graphBaseUrl, siteId, getToken } = props;
  const store = useMemo(
    () => createTabStore(graphBaseUrl, siteId, getToken),
    [graphBaseUrl, siteId, getToken],
  );
  return <StoreContext.Provider value={store}>{props.children}</StoreContext.Provider>;
}

export function usePlanStore(): PlanStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('usePlanStore needs a StoreProvider above it');
  return store;
}
