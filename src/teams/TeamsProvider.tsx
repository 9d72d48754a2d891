import {
  FluentProvider,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import {
  connectToTeams,
  notifyTeamsReady,
  onTeamsThemeChange,
  toThemeName,
  type TeamsHostInfo,
  type TeamsThemeName,
} from './teams-host';

const THEMES: Record<TeamsThemeName, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

interface TeamsState {
  host: TeamsHostInfo | null;
  /** Call once the first view has its data on screen. */
  ready: () => void;
}

const TeamsContext = createContext<TeamsState>({ host: null, ready: () => undefined });

/**
 * Renders at once with the theme the URL asks for (`?theme=dark|contrast`, handy
 * outside Teams), then follows the Teams host's theme, live, if there is one.
 */
export function TeamsProvider(props: { children: ReactNode; initialTheme?: string | null }) {
  const [host, setHost] = useState<TeamsHostInfo | null>(null);
  const [theme, setTheme] = useState<TeamsThemeName>(toThemeName(props.initialTheme));
  const [viewReady, setViewReady] = useState(false);
  const notified = useRef(false);

  useEffect(() => {
    let cancelled = false;
    void connectToTeams().then((info) => {
      if (cancelled || !info) return;
      setHost(info);
      setTheme(info.theme);
      onTeamsThemeChange(setTheme);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    if (notified.current || !host || !viewReady) return;
    notified.current = true;
    notifyTeamsReady();
  }, [host, viewReady]);

  const ready = useCallback(() => setViewReady(true), []);

  return (
    <TeamsContext.Provider value={{ host, ready }}>
      <FluentProvider theme={THEMES[theme]} style={{ minHeight: '100vh' }} data-theme={theme}>
        {props.children}
      </FluentProvider>
    </TeamsContext.Provider>
  );
}

export function useTeams(): TeamsState {
  return useContext(TeamsContext);
}
