import type { FormEvent, ReactNode } from "react";
import "./auth.css";

/** The centred card every sign-in and sign-up step is drawn in. */
export function AuthCard(props: { title: string; onSubmit: (event: FormEvent) => void; children: ReactNode }) {
  return (
    <div className="auth">
      <form className="auth__card form" onSubmit={props.onSubmit} noValidate>
        <h1>{props.title}</h1>
        {props.children}
      </form>
    </div>
  );
}
