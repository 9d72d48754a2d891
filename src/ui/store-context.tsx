import { createContext, useContext, type ReactNode } from 'react';
import type { PlanStore } from '../plan/store';

const StoreContext = createContext<PlanStore | null>(null);

/** Gives the views the one PlanStore the shell connected with the session's token. */
export function StoreProvider(props: { store: PlanStore; children: ReactNode }) {
  return <StoreContext.Provider value={props.store}>{props.children}</StoreContext.Provider>;
}

export function usePlanStore(): PlanStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('usePlanStore needs a StoreProvider above it');
  return store;
}
