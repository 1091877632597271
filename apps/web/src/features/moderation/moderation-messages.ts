import { addMessages } from "../../i18n/i18n";
import { enModerationPages, koModerationPages } from "../../i18n/messages-moderation-pages";

// The moderation pages' strings join the tables when the first of those pages loads
// (they are not on the first screen). Imported for this effect by each such page.
addMessages({ en: enModerationPages, ko: koModerationPages });
