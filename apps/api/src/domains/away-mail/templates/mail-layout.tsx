import type { ReactNode } from "react";
import { Body } from "@react-email/body";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Heading } from "@react-email/heading";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Link } from "@react-email/link";
import { Preview } from "@react-email/preview";
import { Text } from "@react-email/text";
import { say, type Language } from "../../notifications/outside-texts.js";

/** The app's colours (apps/web/src/styles.css), light: mail programs rarely honour dark. */
const colours = { text: "#1f2328", muted: "#59636e", accent: "#0969da", line: "#d1d9e0", panel: "#f6f8fa" };
const font = '-apple-system, "Segoe UI", Roboto, "Noto Sans KR", "Apple SD Gothic Neo", sans-serif';

export const styles = {
  text: { color: colours.text, fontSize: "15px", lineHeight: "22px", margin: "0 0 12px" },
  muted: { color: colours.muted, fontSize: "13px", lineHeight: "20px", margin: "0 0 8px" },
  card: {
    border: `1px solid ${colours.line}`,
    borderRadius: "8px",
    padding: "12px 16px",
    margin: "0 0 12px",
    backgroundColor: colours.panel,
  },
  button: {
    backgroundColor: colours.accent,
    color: "#ffffff",
    borderRadius: "6px",
    padding: "10px 18px",
    fontSize: "15px",
    fontWeight: 600,
    textDecoration: "none",
  },
  link: { color: colours.accent, textDecoration: "underline" },
} as const;

/**
 * Every mail OrGo sends to bring people back: the heading, what it is about, then
 * why it came and the one-click way to stop it (and the way to choose the rest).
 */
export function MailLayout(props: {
  language: Language;
  preview: string;
  heading: string;
  children: ReactNode;
  why: string;
  stopLabel: string;
  stopUrl: string;
  settingsLabel: string;
  settingsUrl: string;
}) {
  return (
    <Html lang={props.language}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={{ backgroundColor: "#ffffff", fontFamily: font, margin: 0, padding: "24px 0" }}>
        <Container style={{ maxWidth: "560px", padding: "0 20px" }}>
          <Text style={{ ...styles.muted, fontWeight: 700, color: colours.accent, fontSize: "16px" }}>
            {say(props.language, "app.name")}
          </Text>
          <Heading as="h1" style={{ color: colours.text, fontSize: "22px", lineHeight: "30px", margin: "0 0 16px" }}>
            {props.heading}
          </Heading>
          {props.children}
          <Hr style={{ borderColor: colours.line, margin: "24px 0 16px" }} />
          <Text style={styles.muted}>{props.why}</Text>
          <Text style={styles.muted}>
            <Link href={props.stopUrl} style={styles.link}>
              {props.stopLabel}
            </Link>
            {" · "}
            <Link href={props.settingsUrl} style={styles.link}>
              {props.settingsLabel}
            </Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
