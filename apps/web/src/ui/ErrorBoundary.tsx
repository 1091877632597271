import { Component, type ErrorInfo, type ReactNode } from "react";
import { reportError } from "../lib/report-error";

interface Props {
  /** What to show instead; `reference` is the report's id once the server has it. */
  fallback: (reference: string | null) => ReactNode;
  children: ReactNode;
}

/**
 * A render that throws shows `fallback` instead of a blank page, and is reported to
 * the server's log with the release and the route. Key it by the route to recover
 * when the person goes elsewhere.
 */
export class ErrorBoundary extends Component<Props, { failed: boolean; reference: string | null }> {
  override state = { failed: false, reference: null as string | null };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    const withComponents = Object.assign(new Error(error.message), {
      stack: `${error.stack ?? ""}\n\nComponents:${info.componentStack ?? ""}`,
    });
    void reportError("render", withComponents).then((reference) => this.setState({ reference }));
  }

  override render() {
    return this.state.failed ? this.props.fallback(this.state.reference) : this.props.children;
  }
}
