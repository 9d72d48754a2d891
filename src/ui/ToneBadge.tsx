import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { RatingTone } from '../domain';
import { RATING_TONE_STYLES } from './rating-tones';

const useStyles = makeStyles({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    border: '1px solid',
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: 'nowrap',
  },
  small: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase100,
  },
  medium: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** A label in a rating colour (a rating, impact, sustained, overdue): the words carry the meaning, the colour helps. */
export function ToneBadge(props: {
  tone: RatingTone;
  children: ReactNode;
  /** Small tags on cards; a medium pill for a rating itself. */
  size?: 'small' | 'medium';
  className?: string;
}) {
  const styles = useStyles();
  const tone = RATING_TONE_STYLES[props.tone];
  return (
    <span
      className={mergeClasses(styles.badge, styles[props.size ?? 'small'], props.className)}
      style={{ backgroundColor: tone.background, color: tone.foreground, borderColor: tone.border }}
    >
      {props.children}
    </span>
  );
}
