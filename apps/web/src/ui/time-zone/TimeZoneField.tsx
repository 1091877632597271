import { useMemo, useState } from "react";
import * as Popover from "@radix-ui/react-popover";
import { Command } from "cmdk";
import { ChevronsUpDown } from "lucide-react";
import { addMessages, useI18n } from "../../i18n/i18n";
import { enTimeZone, koTimeZone } from "../../i18n/messages-time-zone";
import { browserZone, zoneOption, zoneOptions, type ZoneOption } from "./time-zones";
import "./time-zone-picker.css";

addMessages({ en: enTimeZone, ko: koTimeZone });

/**
 * cmdk's own filter is fuzzy: "berlin" finds 269 zones whose words hold those letters
 * in order. A zone search is by words: a word starting with what was typed first, then
 * any part of a name, nothing else.
 */
function zoneMatch(value: string, search: string, keywords: string[] = []): number {
  const query = search.trim().toLowerCase();
  if (!query) return 1;
  let best = 0;
  for (const text of [value, ...keywords]) {
    const lower = text.toLowerCase();
    const at = lower.indexOf(query);
    if (at < 0) continue;
    best = Math.max(best, at === 0 || /[\s/_(,-]/.test(lower[at - 1]!) ? 1 : 0.5);
  }
  return best;
}

/**
 * One way to choose a time zone, everywhere (a study's, a mentor's): a button that
 * says the zone in words ("Seoul (Korean Standard Time, GMT+9)"), opening a search
 * over every zone by city, name in either language, id or offset — the browser's own
 * zone first. Replaces a free-text box (typos saved as zones) and a 400-line list.
 */
export function TimeZoneField({
  id,
  label,
  value,
  onChange,
  errors,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (zone: string) => void;
  /** The server's words for this field, shown under it. */
  errors?: string[];
}) {
  // The button is named by the label and by the zone it shows.
  const labelId = `${id}-label`;
  const invalid = Boolean(errors?.length);
  const { t, language } = useI18n();
  const [open, setOpen] = useState(false);
  const current = useMemo(() => zoneOption(value, language), [value, language]);
  // ≈ 420 zones with their names: made when the list first opens, not with the form.
  const options = useMemo(() => (open ? zoneOptions(language, [value, browserZone()]) : []), [open, language, value]);
  const mine = options.find((option) => option.id === browserZone());
  const choose = (zone: string) => {
    onChange(zone);
    setOpen(false);
  };
  const item = (option: ZoneOption, key: string) => (
    <Command.Item
      key={key}
      value={key}
      keywords={option.keywords}
      onSelect={() => choose(option.id)}
      className="palette__item zone-picker__item"
      data-checked={option.id === value}
    >
      <span>{option.label}</span>
      <span className="muted small">{option.id}</span>
    </Command.Item>
  );

  return (
    <div className="field">
      <label id={labelId} htmlFor={id}>
        {label}
      </label>
      <Popover.Root open={open} onOpenChange={setOpen}>
        <Popover.Trigger asChild>
          <button
            id={id}
            type="button"
            className="control zone-picker__trigger"
            aria-labelledby={`${labelId} ${id}`}
            aria-invalid={invalid || undefined}
            data-testid="time-zone-picker"
            data-zone={value}
          >
            <span>{current.label}</span>
            <ChevronsUpDown size={16} aria-hidden />
          </button>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content className="popover-panel" align="start" sideOffset={4} collisionPadding={12}>
            <Command label={t("zone.search")} className="zone-picker__command" filter={zoneMatch}>
              <Command.Input className="palette__input" placeholder={t("zone.searchHint")} autoFocus />
              <Command.List className="palette__list">
                <Command.Empty className="palette__pending muted">{t("zone.none")}</Command.Empty>
                {mine && (
                  <Command.Group heading={t("zone.yours")} className="palette__group">
                    {item(mine, `mine ${mine.id}`)}
                  </Command.Group>
                )}
                <Command.Group heading={t("zone.all")} className="palette__group">
                  {options.map((option) => item(option, option.id))}
                </Command.Group>
              </Command.List>
            </Command>
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      {invalid && <span className="field__error">{errors!.join(" ")}</span>}
    </div>
  );
}
