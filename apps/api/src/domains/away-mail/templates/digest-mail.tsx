import { Button } from "@react-email/button";
import { Link } from "@react-email/link";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import { say, type Language } from "../../notifications/outside-texts.js";
import { MailLayout, styles } from "./mail-layout.js";

interface DigestItem {
  text: string;
  detail: string;
  url: string;
}

interface DigestPost {
  title: string;
  author: string;
  likes: number;
  url: string;
}

export interface DigestMailProps {
  language: Language;
  frequency: "daily" | "weekly";
  forYou: DigestItem[];
  moreForYou: number;
  popular: DigestPost[];
  openUrl: string;
  stopUrl: string;
  settingsUrl: string;
}

/** What happened while away: what was for me (replies, mentions, studies, mentoring), then popular posts. */
export function DigestMail(props: DigestMailProps) {
  const { language } = props;
  return (
    <MailLayout
      language={language}
      preview={props.forYou[0]?.text ?? props.popular[0]?.title ?? say(language, "mail.digest.subject")}
      heading={say(language, "mail.digest.heading")}
      why={say(language, props.frequency === "daily" ? "mail.digest.why.daily" : "mail.digest.why.weekly")}
      stopLabel={say(language, "mail.digest.stop")}
      stopUrl={props.stopUrl}
      settingsLabel={say(language, "mail.settings")}
      settingsUrl={props.settingsUrl}
    >
      {props.forYou.length > 0 ? (
        <>
          <Text style={{ ...styles.text, fontWeight: 700 }}>{say(language, "mail.digest.forYou")}</Text>
          {props.forYou.map((item) => (
            <Section key={item.url + item.text} style={styles.card}>
              <Text style={{ ...styles.text, margin: "0 0 4px" }}>
                <Link href={item.url} style={{ ...styles.link, color: styles.text.color }}>
                  {item.text}
                </Link>
              </Text>
              {item.detail ? <Text style={{ ...styles.muted, margin: 0 }}>{item.detail}</Text> : null}
            </Section>
          ))}
          {props.moreForYou > 0 ? (
            <Text style={styles.muted}>{say(language, "mail.digest.moreForYou", { count: props.moreForYou })}</Text>
          ) : null}
        </>
      ) : null}
      {props.popular.length > 0 ? (
        <>
          <Text style={{ ...styles.text, fontWeight: 700, marginTop: "20px" }}>
            {say(language, "mail.digest.popular")}
          </Text>
          {props.popular.map((post) => (
            <Section key={post.url} style={styles.card}>
              <Text style={{ ...styles.text, margin: "0 0 4px" }}>
                <Link href={post.url} style={{ ...styles.link, color: styles.text.color }}>
                  {post.title}
                </Link>
              </Text>
              <Text style={{ ...styles.muted, margin: 0 }}>
                {post.author} · {say(language, "mail.digest.likes", { count: post.likes })}
              </Text>
            </Section>
          ))}
        </>
      ) : null}
      <Button href={props.openUrl} style={styles.button}>
        {say(language, "mail.open")}
      </Button>
    </MailLayout>
  );
}
