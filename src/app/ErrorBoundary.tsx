import { Component, type ReactNode } from 'react';
import { ErrorMessage } from '../ui/ErrorMessage';

/** A view that throws shows what went wrong instead of a blank tab. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    return this.state.error !== null ? <ErrorMessage error={this.state.error} /> : this.props.children;
  }
}
