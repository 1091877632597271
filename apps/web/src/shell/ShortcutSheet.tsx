import { addMessages, useI18n } from "../i18n/i18n";
import { enShortcuts, koShortcuts } from "../i18n/messages-shortcuts";
import { Dialog } from "../ui/Dialog";
import { shortcutGroups } from "./shortcut-list";
import { useUi } from "../lib/ui-state";

addMessages({ en: enShortcuts, ko: koShortcuts });

/** `?`: every key that works, by where it works. */
export function ShortcutSheet() {
  const { t } = useI18n();
  const { shortcutsOpen, setShortcutsOpen } = useUi();
  return (
    <Dialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} title={t("shortcuts.title")}>
      <div className="shortcuts" data-testid="shortcuts">
        {shortcutGroups.map((group) => (
          <section key={group.title} className="shortcuts__group">
            <h3 className="shortcuts__title">{t(group.title)}</h3>
            <dl>
              {group.items.map((s) => (
                <div key={`${s.keys.join("+")} ${s.label}`} className="shortcuts__row">
                  <dt>
                    {s.keys.map((k) => (
                      <kbd key={k}>{k}</kbd>
                    ))}
                  </dt>
                  <dd>{t(s.label)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
