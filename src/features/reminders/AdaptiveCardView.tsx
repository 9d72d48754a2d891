import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { loadCardRenderer } from './card-renderer';
import { Notice } from '../../ui/Notice';

const useStyles = makeStyles({
  card: {
    maxWidth: '560px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    overflow: 'hidden',
    '& .mention': { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
    '& .ac-pushButton': {
      fontFamily: tokens.fontFamilyBase,
      fontSize: tokens.fontSizeBase300,
      fontWeight: tokens.fontWeightSemibold,
      color: tokens.colorNeutralForeground1,
      backgroundColor: tokens.colorNeutralBackground1,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      borderRadius: tokens.borderRadiusMedium,
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
      minHeight: '32px',
      cursor: 'pointer',
    },
    '& .ac-pushButton:hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    '& .ac-pushButton:focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
    '& .ac-selectable': { cursor: 'pointer' },
  },
});

/** One Adaptive Card as Teams shows it, rendered by the adaptivecards renderer (loaded on first use). */
export function AdaptiveCardView(props: { card: object; label: string }) {
  const styles = useStyles();
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ status: 'loading' | 'ready' } | { status: 'failed'; message: string }>(
    {
      status: 'loading',
    },
  );

  useEffect(() => {
    let live = true;
    loadCardRenderer()
      .then((renderer) => {
        if (!live || !host.current) return;
        const problems = renderer.render(props.card, host.current);
        setState(problems.length ? { status: 'failed', message: problems.join('; ') } : { status: 'ready' });
      })
      .catch((error: unknown) => {
        if (live)
          setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      live = false;
    };
  }, [props.card]);

  return (
    <div>
      {state.status === 'loading' ? <Spinner size="tiny" label="Drawing the card…" /> : null}
      {state.status === 'failed' ? (
        <Notice intent="warning">The card may not show as Teams would: {state.message}</Notice>
      ) : null}
      <div ref={host} className={styles.card} role="article" aria-label={props.label} />
    </div>
  );
}
