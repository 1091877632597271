import { addMessages } from "../../i18n/i18n";
import { enStudies, koStudies } from "../../i18n/messages-studies";

// The study pages' strings join the tables with whatever shows a study (not on the first screen).
addMessages({ en: enStudies, ko: koStudies });
