import { Button } from "@react-email/button";
import { Link } from "@react-email/link";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import { say, type Language } from "../../notifications/outside-texts.js";
import { MailLayout, styles } from "./mail-layout.js";

export interface UnreadRoom {
  title: string;
  url: string;
  /** The first unread lines, oldest first: who wrote what. */
  lines: { author: string; body: string }[];
  /** Unread messages beyond those lines. */
  more: number;
}

export interface UnreadMailProps {
  language: Language;
  total: number;
  rooms: UnreadRoom[];
  delay: "15m" | "1h";
  openUrl: string;
  stopUrl: string;
  settingsUrl: string;
}

/** "You have unread messages": each room with its first unread lines and a link into it. */
export function UnreadMail(props: UnreadMailProps) {
  const { language } = props;
  return (
    <MailLayout
      language={language}
      preview={say(language, "mail.unread.subject", { count: props.total })}
      heading={say(language, "mail.unread.heading")}
      why={say(language, props.delay === "1h" ? "mail.unread.why.1h" : "mail.unread.why.15m")}
      stopLabel={say(language, "mail.unread.stop")}
      stopUrl={props.stopUrl}
      settingsLabel={say(language, "mail.settings")}
      settingsUrl={props.settingsUrl}
    >
      <Text style={styles.text}>{say(language, "mail.unread.intro")}</Text>
      {props.rooms.map((room) => (
        <Section key={room.url} style={styles.card}>
          <Text style={{ ...styles.text, fontWeight: 600, margin: "0 0 6px" }}>{room.title}</Text>
          {room.lines.map((line, index) => (
            <Text key={index} style={{ ...styles.text, margin: "0 0 4px" }}>
              <strong>{line.author}</strong>: {line.body}
            </Text>
          ))}
          {room.more > 0 ? (
            <Text style={styles.muted}>{say(language, "mail.unread.more", { count: room.more })}</Text>
          ) : null}
          <Text style={{ ...styles.muted, margin: "6px 0 0" }}>
            <Link href={room.url} style={styles.link}>
              {say(language, "mail.unread.openRoom")}
            </Link>
          </Text>
        </Section>
      ))}
      <Button href={props.openUrl} style={styles.button}>
        {say(language, "mail.open")}
      </Button>
    </MailLayout>
  );
}
