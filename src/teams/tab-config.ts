/**
 * The channel tab's configuration and removal frames (TeamsJS `pages.config`).
 * Only call these once the TeamsProvider has a host: TeamsJS is then initialised,
 * and its `settings` (or `remove`) frame context is the one these calls need.
 */

/** What a configured channel tab keeps: Teams' `InstanceConfig`, every field set. */
export interface TabSettings {
  /** `wsoa:{planId}` or `wsoa:{planId}:{priorityId}`. */
  entityId: string;
  /** The page the tab opens. */
  contentUrl: string;
  /** The same page in a browser (and on Teams mobile, which needs it). */
  websiteUrl: string;
  /** The tab's name until someone renames it. */
  suggestedDisplayName: string;
  /** The page Teams shows when the tab is removed. */
  removeUrl: string;
}

async function pagesConfig() {
  return (await import('@microsoft/teams-js')).pages.config;
}

/** Enables (or disables) Teams' Save button, or the Remove button on the removal page. */
export async function setValid(valid: boolean): Promise<void> {
  (await pagesConfig()).setValidityState(valid);
}

/** Stores the tab's settings with Teams (its content URL, name…). */
export async function saveTab(settings: TabSettings): Promise<void> {
  await (await pagesConfig()).setConfig(settings);
}

/**
 * Runs when the user selects Save: saves what `settings` returns at that moment
 * and tells Teams it succeeded, or that it failed and why (Teams shows the reason).
 * A later call replaces the handler.
 */
export async function onSave(settings: () => TabSettings | null): Promise<void> {
  (await pagesConfig()).registerOnSaveHandler((event) => {
    const chosen = settings();
    if (!chosen) {
      event.notifyFailure('Choose a plan for the tab first.');
      return;
    }
    saveTab(chosen).then(
      () => event.notifySuccess(),
      (error: unknown) => event.notifyFailure(`The tab could not be saved: ${reasonOf(error)}`),
    );
  });
}

/** Runs when the user selects Remove: nothing of the plan is removed, so the removal only succeeds. */
export async function onRemove(): Promise<void> {
  (await pagesConfig()).registerOnRemoveHandler((event) => event.notifySuccess());
}

/** TeamsJS rejects with an Error, or with an SdkError (`{ errorCode, message? }`). */
export function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null) {
    if ('message' in error && typeof error.message === 'string' && error.message) return error.message;
    if ('errorCode' in error && typeof error.errorCode === 'number') return `Teams error ${error.errorCode}`;
  }
  return String(error);
}
