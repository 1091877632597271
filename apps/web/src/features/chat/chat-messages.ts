import { addMessages } from "../../i18n/i18n";
import { enChat, koChat } from "../../i18n/messages-chat";

// The conversations page's strings join the tables with the page (not on the first screen).
addMessages({ en: enChat, ko: koChat });
