import { createContext, useContext } from 'react';
import type { StructureTarget } from '../../domain/structure';
import type { StructureCommand } from '../../plan/structure/mutations';
import type { PlanStructureData } from '../../plan/structure/load';
import type { CommandAttempt } from './use-structure-command';

/** What every part of the structure page needs: the data, who may change it, and the quick commands. */
export interface StructureContextValue {
  data: PlanStructureData;
  canEdit: boolean;
  /** A move, an archive or a restore, with its outcome shown at the top of the page. */
  act: (command: StructureCommand, focusAfter?: StructureTarget) => Promise<CommandAttempt>;
  busy: boolean;
  announce: (message: string) => void;
}

export const StructureContext = createContext<StructureContextValue | null>(null);

export function useStructure(): StructureContextValue {
  const value = useContext(StructureContext);
  if (!value) throw new Error('useStructure needs the structure page above it');
  return value;
}
