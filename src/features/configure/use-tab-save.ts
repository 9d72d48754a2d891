import { useEffect, useRef, useState } from 'react';
import { onRemove, onSave, reasonOf, setValid, type TabSettings } from '../../teams/tab-config';

/**
 * Inside Teams: Save is enabled while there are settings to save, and saving
 * stores the settings chosen at that moment. Outside Teams it does nothing.
 * Returns what went wrong talking to Teams, if anything did.
 */
export function useTabSave(settings: TabSettings | null, inTeams: boolean): string | null {
  const latest = useRef(settings);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    latest.current = settings;
  }, [settings]);

  useEffect(() => {
    if (!inTeams) return;
    onSave(() => latest.current).catch((error: unknown) => setProblem(reasonOf(error)));
  }, [inTeams]);

  const valid = settings !== null;
  useEffect(() => {
    if (!inTeams) return;
    setValid(valid).catch((error: unknown) => setProblem(reasonOf(error)));
  }, [inTeams, valid]);
  return problem;
}

/** Inside Teams: Remove is enabled, and removing the tab succeeds (the plan itself stays). */
export function useTabRemove(inTeams: boolean): string | null {
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!inTeams) return;
    onRemove()
      .then(() => setValid(true))
      .catch((error: unknown) => setProblem(reasonOf(error)));
  }, [inTeams]);
  return problem;
}
