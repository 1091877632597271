import { Suspense, useState } from "react";
import { Flag } from "lucide-react";
import type { TReportTarget } from "@orgo/api-contract/schemas";
import { useI18n } from "../../i18n/i18n";
import { lazyPage } from "../../lib/lazy-page";
import { useMe } from "../auth/use-me";
import "./on-content.css";

// The dialog (and the reasons' texts) load the first time someone reports.
const ReportDialog = lazyPage(() => import("./ReportDialog"), "ReportDialog");

/**
 * "Report…" on something someone else wrote or is: shown to signed-in people only
 * (the caller leaves it out on one's own things). `compact` is an icon for rows
 * (comments, messages); its name still says what it reports.
 */
export function ReportButton({ target, compact = false }: { target: TReportTarget; compact?: boolean }) {
  const { t } = useI18n();
  const me = useMe();
  const [open, setOpen] = useState(false);
  if (!me.data) return null;
  const what = t(`report.what.${target.kind}`);
  return (
    <>
      <button
        type="button"
        className={compact ? "button button--link small report-button" : "quiet-danger report-button"}
        aria-haspopup="dialog"
        aria-label={t("report.openNamed", { what })}
        title={t("report.openNamed", { what })}
        onClick={() => setOpen(true)}
      >
        <Flag aria-hidden size={compact ? 13 : 15} /> {t("report.open")}
      </button>
      {open && <LazyReportDialog target={target} onClose={() => setOpen(false)} />}
    </>
  );
}

/** The report dialog, loaded when first opened (also from a menu's "Report…"). */
export function LazyReportDialog(props: { target: TReportTarget; onClose: () => void }) {
  return (
    <Suspense fallback={null}>
      <ReportDialog {...props} />
    </Suspense>
  );
}
