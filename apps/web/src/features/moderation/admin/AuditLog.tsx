import { useState } from "react";
import { Link } from "react-router";
import type { TAuditEntry } from "@orgo/api-contract/schemas";
import { useI18n } from "../../../i18n/i18n";
import type { MessageKey } from "../../../i18n/messages";
import { trpc } from "../../../lib/trpc";
import { LoadMore } from "../../../ui/LoadMore";
import { QueryState } from "../../../ui/QueryState";
import "../moderation.css";

/** The actions an entry can record, as the filter offers them (a prefix matches a group). */
const actionFilters = [
  "decision.",
  "decision.hide",
  "decision.delete",
  "decision.warn",
  "decision.suspend",
  "decision.lift",
  "decision.dismiss",
  "appeal.",
  "role.",
  "chat.",
  "words.",
  "suspension.ended",
] as const;

/**
 * Admin → Audit log: every decision, role change, shared chat window and watched-word
 * change, newest first: who, when, what, why and on what. Append-only (the database
 * refuses changes); filtered by action and by who acted or whom it was about.
 */
export function AuditLog() {
  const { t } = useI18n();
  const [action, setAction] = useState("");
  const [actor, setActor] = useState("");
  const [subject, setSubject] = useState("");
  const input = {
    action: action || null,
    actor: actor.trim().replace(/^@/, "") || null,
    subject: subject.trim().replace(/^@/, "") || null,
    limit: 50,
  };
  const log = trpc.admin.audit.useInfiniteQuery(input, {
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: (previous) => previous,
  });
  const items = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="admin__section">
      <div className="audit__filters">
        <label className="field">
          <span>{t("admin.filter.action")}</span>
          <select value={action} onChange={(event) => setAction(event.target.value)} name="action">
            <option value="">{t("admin.filter.any")}</option>
            {actionFilters.map((value) => (
              <option key={value} value={value}>
                {value.endsWith(".") ? `${value}*` : t(`audit.${value}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("admin.filter.actor")}</span>
          <input name="actor" value={actor} onChange={(event) => setActor(event.target.value)} autoComplete="off" />
        </label>
        <label className="field">
          <span>{t("admin.filter.subject")}</span>
          <input
            name="subject"
            value={subject}
            onChange={(event) => setSubject(event.target.value)}
            autoComplete="off"
          />
        </label>
      </div>
      <QueryState
        query={log}
        empty={items.length === 0}
        emptyText={t("admin.audit.empty")}
        errorText={t("feed.error")}
        skeletonRows={4}
      />
      {items.length > 0 && (
        <div className="table-scroll">
          <table className="data-table audit" data-testid="audit">
            <thead>
              <tr>
                <th scope="col">{t("admin.audit.at")}</th>
                <th scope="col">{t("admin.audit.actor")}</th>
                <th scope="col">{t("admin.audit.action")}</th>
                <th scope="col">{t("admin.audit.target")}</th>
                <th scope="col">{t("admin.audit.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <AuditRow key={entry.id} entry={entry} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore query={log} />
    </div>
  );
}

function AuditRow({ entry }: { entry: TAuditEntry }) {
  const { t, formatDate } = useI18n();
  // A role change names the role given, or the one taken away.
  const named = entry.action === "role.revoked" ? entry.details.previous : entry.details.role;
  const role = named === "admin" || named === "moderator" ? named : null;
  return (
    <tr>
      <td className="nowrap">{formatDate(entry.at)}</td>
      <td>
        {entry.actorHandle ? <Link to={`/u/${entry.actorHandle}`}>@{entry.actorHandle}</Link> : t("admin.audit.system")}
      </td>
      <td>
        {t(`audit.${entry.action}` as MessageKey)}
        {role && ` (${t(`admin.role.${role}`)})`}
        {entry.caseId !== null && (
          <>
            {" "}
            <Link to={`/moderation/cases/${entry.caseId}`} className="muted small">
              #{entry.caseId}
            </Link>
          </>
        )}
      </td>
      <td>
        {entry.target && <span className="muted">{t(`target.${entry.target.kind}` as MessageKey)} </span>}
        {entry.subjectHandle && <Link to={`/u/${entry.subjectHandle}`}>@{entry.subjectHandle}</Link>}
      </td>
      <td className="audit__reason">{entry.reason}</td>
    </tr>
  );
}
