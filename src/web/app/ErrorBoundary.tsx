import { Component, type ReactNode } from 'react';
import { FullPageError } from './states.js';

/** A chunk that failed to download, or a render error: offer a reload instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    if (this.state.error) return <FullPageError error={this.state.error} onRetry={() => window.location.reload()} />;
    return this.props.children;
  }
}
