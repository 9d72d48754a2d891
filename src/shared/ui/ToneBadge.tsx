import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { RatingTone } from '../../domain';
import { RATING_TONE_STYLES } from './rating-tones';

const useStyles = makeStyles({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    border: '1px solid',
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: 'nowrap',
  },
});

/** A small label in a rating colour (impact, sustained, overdue): the words carry the meaning, the colour helps. */
export function ToneBadge(props: { tone: RatingTone; children: ReactNode; className?: string }) {
  const styles = useStyles();
  const tone = RATING_TONE_STYLES[props.tone];
  return (
    <span
      className={mergeClasses(styles.badge, props.className)}
      style={{ backgroundColor: tone.background, color: tone.foreground, borderColor: tone.border }}
    >
      {props.children}
    </span>
  );
}
