import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';

const useStyles = makeStyles({
  link: {
    color: tokens.colorBrandForegroundLink,
    ':hover': { color: tokens.colorBrandForegroundLinkHover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
});

/** A link to another view of the tab, coloured as Fluent colours links in every theme. */
export function AppLink(props: {
  to: string;
  children: ReactNode;
  className?: string;
  'aria-label'?: string;
}) {
  const styles = useStyles();
  return (
    <RouterLink
      to={props.to}
      className={mergeClasses(styles.link, props.className)}
      aria-label={props['aria-label']}
    >
      {props.children}
    </RouterLink>
  );
}
