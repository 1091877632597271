import { Component, type ErrorInfo, type ReactNode } from "react";
import { reportError } from "../lib/report-error";
import { AddressNotFound } from "../lib/route-params";

interface Props {
  /** What to show instead; `reference` is the report's id once the server has it. */
  fallback: (reference: string | null) => ReactNode;
  /** What to show for an address that names nothing (AddressNotFound): not a crash. */
  notFound: ReactNode;
  /** The address: a not-found view gives way as soon as it changes. */
  address: string;
  children: ReactNode;
}

interface State {
  failed: "crash" | "not-found" | null;
  address: string;
  reference: string | null;
}

/**
 * A render that throws shows `fallback` instead of a blank page, and is reported to
 * the server's log with the release and the route. Key it by the route to recover
 * when the person goes elsewhere. A malformed address shows `notFound`, unreported,
 * until the address changes.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: null, address: this.props.address, reference: null };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failed: error instanceof AddressNotFound ? "not-found" : "crash" };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.address === state.address) return null;
    return state.failed === "not-found" ? { failed: null, address: props.address } : { address: props.address };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    if (error instanceof AddressNotFound) return;
    const withComponents = Object.assign(new Error(error.message), {
      stack: `${error.stack ?? ""}\n\nComponents:${info.componentStack ?? ""}`,
    });
    void reportError("render", withComponents).then((reference) => this.setState({ reference }));
  }

  override render() {
    if (this.state.failed === "not-found") return this.props.notFound;
    return this.state.failed ? this.props.fallback(this.state.reference) : this.props.children;
  }
}
