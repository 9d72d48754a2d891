import { makeStyles, mergeClasses, Spinner, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    '@media (max-width: 600px)': { padding: tokens.spacingHorizontalM },
  },
  wide: { maxWidth: '1400px' },
  narrow: { maxWidth: '1100px' },
});

export type PageWidth = 'full' | 'wide' | 'narrow';

/** A view's frame: its main landmark and the same spacing on every view. */
function Page(props: { width?: PageWidth; children: ReactNode }) {
  const styles = useStyles();
  const width = props.width ?? 'full';
  return (
    <main className={mergeClasses(styles.page, width !== 'full' && styles[width])}>{props.children}</main>
  );
}

/** The states of one read, as a TanStack query reports them. */
export interface ReadState<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
}

/**
 * A view of one read: a spinner saying what is loading, what went wrong if it
 * failed, else the view itself with its data.
 */
export function PageOf<T>(props: {
  read: ReadState<T>;
  loading: string;
  width?: PageWidth;
  children: (data: T) => ReactNode;
}) {
  const { read } = props;
  return (
    <Page width={props.width}>
      {read.isPending ? (
        <Spinner label={props.loading} />
      ) : read.isError || read.data === undefined ? (
        <ErrorMessage error={read.error} />
      ) : (
        props.children(read.data)
      )}
    </Page>
  );
}
