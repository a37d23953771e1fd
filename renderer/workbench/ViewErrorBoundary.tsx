/** One broken view shows its error in place instead of taking the whole workbench down. */
import { Component, type ReactNode } from 'react';

export class ViewErrorBoundary extends Component<{ title: string; children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="tandem-view-error" role="alert">
          {this.props.title} could not be shown: {this.state.error.message}
          <button type="button" onClick={() => this.setState({ error: null })}>Try again</button>
        </div>
      );
    }
    return this.props.children;
  }
}
