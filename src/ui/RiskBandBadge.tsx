import { makeStyles, tokens } from '@fluentui/react-components';
import { RISK_BAND_TEXT, type RiskBand } from '../domain/risks';
import { bandStyle } from './risk-band-styles';

const useStyles = makeStyles({
  badge: {
    display: 'inline-block',
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase300,
    whiteSpace: 'nowrap',
  },
});

/** A risk's band in words, in the band's colour and pattern. */
export function RiskBandBadge(props: { band: RiskBand }) {
  return (
    <span className={useStyles().badge} style={bandStyle(props.band)}>
      {RISK_BAND_TEXT[props.band]}
    </span>
  );
}
