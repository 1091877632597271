import { useI18n } from "../i18n/i18n";
import { Dialog } from "../ui/Dialog";
import { shortcutList } from "./shortcut-list";
import { useUi } from "../lib/ui-state";

export function ShortcutSheet() {
  const { t } = useI18n();
  const { shortcutsOpen, setShortcutsOpen } = useUi();
  return (
    <Dialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} title={t("shortcuts.title")}>
      <dl className="shortcuts">
        {shortcutList.map((s) => (
          <div key={s.label} className="shortcuts__row">
            <dt>
              {s.keys.map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{t(s.label)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
