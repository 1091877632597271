import { addMessages } from "../../i18n/i18n";
import { enDelivery, koDelivery } from "../../i18n/messages-delivery";

// Push and mail settings' strings join the tables with the settings page (not on the first screen).
addMessages({ en: enDelivery, ko: koDelivery });
