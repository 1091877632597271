import { ChartLine, ShieldCheck } from "lucide-react";
import { useI18n } from "../../i18n/i18n";
import { RailLink } from "../../ui/RailLink";
import { useStanding } from "./use-standing";

/**
 * The rail's ways to the Moderation section (moderators and admins) and the Admin
 * pages (admins). Members never see them; the server refuses them the procedures
 * anyway.
 */
export function StaffLinks() {
  const { t } = useI18n();
  const role = useStanding().data?.role;
  if (role !== "moderator" && role !== "admin") return null;
  return (
    <>
      <RailLink to="/moderation" icon={ShieldCheck} label={t("nav.moderation")} secondary />
      {role === "admin" && <RailLink to="/admin" icon={ChartLine} label={t("nav.admin")} secondary />}
    </>
  );
}
