import { IntlMessageFormat } from "intl-messageformat";

/**
 * One way to turn a message into text, everywhere OrGo speaks (the app, push, mail):
 * ICU MessageFormat through FormatJS's `intl-messageformat`, so "{count, plural, one
 * {# follower} other {# followers}}" follows each language's plural rules.
 *
 * A message is its ICU text, or (in the web client's build, which leaves the parser
 * out) that text already parsed: the build turns every message that is not plain into
 * its syntax tree (apps/web/icu-precompile.ts), by the same `isSimpleMessage` rule.
 */
export type Message = ConstructorParameters<typeof IntlMessageFormat>[0];
export type MessageValues = Record<string, string | number>;

/**
 * Text with at most `{name}` arguments (and apostrophes inside words, as in "can't"):
 * most of the interface. The library would print such a message with each value as
 * `String(value)`; doing that here keeps those messages plain strings in the client's
 * build (the parsed form costs bytes on the first screen) and skips a formatter per
 * message. apps/web/test/i18n.test.ts holds every message to the library's output.
 */
export const isSimpleMessage = (text: string): boolean => SIMPLE.test(text);
const SIMPLE = /^(?:[^{}#']|\{\w+\}|'(?=\p{L}))*$/u;

// A formatter per message and language, made on first use: making one is the slow part.
const formatters = new Map<string, Map<Message, IntlMessageFormat>>();

export function formatMessage(message: Message, locale: string, values?: MessageValues): string {
  if (typeof message === "string" && isSimpleMessage(message)) {
    return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
      values && name in values ? String(values[name]) : whole,
    );
  }
  let byMessage = formatters.get(locale);
  if (!byMessage) formatters.set(locale, (byMessage = new Map<Message, IntlMessageFormat>()));
  let formatter = byMessage.get(message);
  if (!formatter) {
    // `<` is text: no message holds markup, and a user's words never become tags.
    formatter = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });
    byMessage.set(message, formatter);
  }
  try {
    return String(formatter.format(values));
  } catch {
    // A value the caller did not give shows as its `{name}`, as a missing translation
    // shows its key: a slip in one label never takes the page down.
    const given: MessageValues = { ...values };
    for (const name of argumentNames(formatter.getAst())) given[name] ??= `{${name}}`;
    try {
      return String(formatter.format(given));
    } catch {
      return typeof message === "string" ? message : "";
    }
  }
}

type Element = ReturnType<IntlMessageFormat["getAst"]>[number];
/** `TYPE.literal` of @formatjs/icu-messageformat-parser: text, whose value is not a name. */
const LITERAL = 0;

/** The names a message's arguments use, plural and select branches included. */
function argumentNames(elements: readonly Element[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (Number(element.type) !== LITERAL && "value" in element && typeof element.value === "string") {
      names.add(element.value);
    }
    if ("options" in element) {
      for (const option of Object.values(element.options)) argumentNames(option.value, names);
    }
    if ("children" in element) argumentNames(element.children, names);
  }
  return names;
}
