import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import { Notice } from './Notice';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorStatusWarningBorder1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * After a 412 (see `useETagSave`): nothing was saved, the form still holds what
 * the person typed; `children` shows what differs; the two ways on are to
 * re-apply their changes on top of the latest version, or to discard them.
 */
export function ConflictPanel(props: {
  /** "Someone else changed this action since you opened it". */
  title: string;
  busy: boolean;
  onReapply: () => void;
  onDiscard: () => void;
  children?: ReactNode;
}) {
  const styles = useStyles();
  const titleId = useId();
  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <Notice intent="warning" title={props.title} titleId={titleId}>
        Nothing has been saved yet and your changes are still in the form.
      </Notice>
      {props.children}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={props.busy} onClick={props.onReapply}>
          Re-apply my changes
        </Button>
        <Button disabled={props.busy} onClick={props.onDiscard}>
          Discard my changes
        </Button>
      </div>
    </section>
  );
}
