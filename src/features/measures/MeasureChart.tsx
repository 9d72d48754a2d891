import { makeStyles, tokens } from '@fluentui/react-components';
import type { Measure } from '../../domain';
import { CHART, PLOT, type ChartModel } from './chart-scale';
import { formatValue } from '../../domain/measures';

/*
 * Colours from Fluent's tokens follow the Teams light, dark and high-contrast
 * themes; a browser's forced colours get system colours. The three lines differ
 * in shape as well: the readings solid with points, the target a thin line
 * across, the trajectory dashed.
 */
const forced = (colour: string) => ({ '@media (forced-colors: active)': { stroke: colour } });

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  chart: { display: 'block', width: '100%', maxWidth: '640px', height: 'auto', overflow: 'visible' },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1, ...forced('GrayText') },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1, ...forced('CanvasText') },
  label: { fill: tokens.colorNeutralForeground2, fontSize: '12px', fontFamily: tokens.fontFamilyBase },
  title: {
    fill: tokens.colorNeutralForeground1,
    fontSize: '12px',
    fontWeight: tokens.fontWeightSemibold,
    fontFamily: tokens.fontFamilyBase,
  },
  readings: {
    fill: 'none',
    stroke: tokens.colorBrandForeground1,
    strokeWidth: 2.5,
    strokeLinejoin: 'round',
    ...forced('Highlight'),
  },
  point: {
    fill: tokens.colorNeutralBackground1,
    stroke: tokens.colorBrandForeground1,
    strokeWidth: 2,
    ...forced('Highlight'),
  },
  target: { stroke: tokens.colorNeutralForeground1, strokeWidth: 1.5, ...forced('CanvasText') },
  trajectory: {
    stroke: tokens.colorNeutralForeground2,
    strokeWidth: 2,
    strokeDasharray: '7 5',
    ...forced('CanvasText'),
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  key: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

/**
 * A measure's readings against its target and trajectory, as a light SVG. To
 * assistive technology it is one image named by `summary`; the readings table
 * beside it holds the same data.
 */
export function MeasureChart(props: { measure: Measure; model: ChartModel; summary: string }) {
  const styles = useStyles();
  const { model, measure } = props;
  const unit = measure.unit;
  const points = model.readings.map((r) => `${r.x},${r.y}`).join(' ');
  const middleY = (PLOT.top + PLOT.bottom) / 2;
  return (
    <figure className={styles.figure}>
      <svg
        role="img"
        aria-label={props.summary}
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        className={styles.chart}
      >
        {model.yTicks.map((tick) => (
          <g key={tick.value}>
            <line x1={PLOT.left} x2={PLOT.right} y1={tick.y} y2={tick.y} className={styles.grid} />
            <text x={PLOT.left - 8} y={tick.y} dy="0.32em" textAnchor="end" className={styles.label}>
              {formatValue(tick.value, unit === '%' ? '%' : '')}
            </text>
          </g>
        ))}
        <line x1={PLOT.left} x2={PLOT.left} y1={PLOT.top} y2={PLOT.bottom} className={styles.axis} />
        <line x1={PLOT.left} x2={PLOT.right} y1={PLOT.bottom} y2={PLOT.bottom} className={styles.axis} />
        {model.xTicks.map((tick) => (
          <g key={tick.label}>
            <line x1={tick.x} x2={tick.x} y1={PLOT.bottom} y2={PLOT.bottom + 5} className={styles.axis} />
            <text x={tick.x} y={PLOT.bottom + 20} textAnchor="middle" className={styles.label}>
              {tick.label}
            </text>
          </g>
        ))}
        <text
          x={(PLOT.left + PLOT.right) / 2}
          y={CHART.height - 6}
          textAnchor="middle"
          className={styles.title}
        >
          Date of reading
        </text>
        <text
          x={14}
          y={middleY}
          textAnchor="middle"
          transform={`rotate(-90 14 ${middleY})`}
          className={styles.title}
        >
          {unit ? `Value (${unit})` : 'Value'}
        </text>
        {model.targetY !== null && measure.target !== null && (
          <>
            <line
              x1={PLOT.left}
              x2={PLOT.right}
              y1={model.targetY}
              y2={model.targetY}
              className={styles.target}
            />
            <text x={PLOT.right} y={model.targetY - 6} textAnchor="end" className={styles.title}>
              Target {formatValue(measure.target, unit)}
            </text>
          </>
        )}
        {model.trajectory && <line {...model.trajectory} className={styles.trajectory} />}
        {model.readings.length > 1 && <polyline points={points} className={styles.readings} />}
        {model.readings.map((r, i) => (
          <circle key={i} cx={r.x} cy={r.y} r={4} className={styles.point} />
        ))}
      </svg>
      <figcaption>
        <ul className={styles.legend}>
          <li className={styles.key}>
            <Sample className={styles.readings} withPoint pointClass={styles.point} />
            Readings
          </li>
          {model.targetY !== null && (
            <li className={styles.key}>
              <Sample className={styles.target} />
              Target
            </li>
          )}
          {model.trajectory && (
            <li className={styles.key}>
              <Sample className={styles.trajectory} />
              Trajectory to the target
            </li>
          )}
        </ul>
      </figcaption>
    </figure>
  );
}

/** A short stretch of a line, as the legend's key. */
function Sample(props: { className: string; withPoint?: boolean; pointClass?: string }) {
  return (
    <svg width="32" height="12" viewBox="0 0 32 12" aria-hidden="true">
      <line x1="1" x2="31" y1="6" y2="6" className={props.className} />
      {props.withPoint && <circle cx="16" cy="6" r="3.5" className={props.pointClass} />}
    </svg>
  );
}
