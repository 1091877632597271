import { NavLink, Navigate } from "react-router";
import { useSectionParam } from "../../../lib/route-params";
import { useI18n } from "../../../i18n/i18n";
import { lazyPage } from "../../../lib/lazy-page";
import { Suspense } from "react";
import { useStanding } from "../use-standing";
import { StaffSection } from "./StaffSection";
import { AuditLog } from "./AuditLog";
import { WordRules } from "./WordRules";
import { ListSkeleton } from "../../../ui/ListSkeleton";
import "../moderation.css";
import "../moderation-messages";
import { PageHeader } from "../../../ui/PageHeader";

// The charts (recharts) are the heaviest part of the admin pages: their own chunk.
const Dashboard = lazyPage(() => import("./Dashboard"), "Dashboard");

const sections = ["dashboard", "staff", "audit", "words"] as const;
type Section = (typeof sections)[number];

/** /admin/<section>: the dashboard, moderators, the audit log and the watched words, for admins. */
export function AdminPage() {
  const { t } = useI18n();
  const standing = useStanding();
  const section = useSectionParam("section", sections);
  if (standing.isPending) return null;
  if (standing.data?.role !== "admin") return <p className="page placeholder">{t("admin.forbidden")}</p>;
  if (!section) return <Navigate to="/admin/dashboard" replace />;
  return (
    <div className="pane__scroll page admin">
      <PageHeader title={t("admin.title")} />
      <nav className="tabs admin__tabs" aria-label={t("admin.sections")}>
        {sections.map((s) => (
          <NavLink key={s} to={`/admin/${s}`} className={({ isActive }) => (isActive ? "is-active" : undefined)}>
            {t(`admin.${s}`)}
          </NavLink>
        ))}
      </nav>
      <SectionBody section={section} />
    </div>
  );
}

function SectionBody({ section }: { section: Section }) {
  switch (section) {
    case "dashboard":
      return (
        <Suspense fallback={<ListSkeleton rows={4} />}>
          <Dashboard />
        </Suspense>
      );
    case "staff":
      return <StaffSection />;
    case "audit":
      return <AuditLog />;
    case "words":
      return <WordRules />;
  }
}
