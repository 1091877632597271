import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import type { TStaffMember } from "@orgo/api-contract/schemas";
import { useI18n } from "../../../i18n/i18n";
import { fieldErrorsOf } from "../../../i18n/describe-error";
import { trpc } from "../../../lib/trpc";
import { showToast } from "../../../lib/toast";
import { Avatar } from "../../../ui/Avatar";
import { Dialog } from "../../../ui/Dialog";
import { Field } from "../../../ui/Field";
import { FormError } from "../../../ui/FormError";
import "../moderation.css";

/**
 * Admin → Moderators: who moderates and who administers; make a member a moderator
 * or take it back, each with a reason for the audit log. Admins themselves are made
 * on the server's command line (README), never here.
 */
export function StaffSection() {
  const i18n = useI18n();
  const { t } = i18n;
  const utils = trpc.useUtils();
  const staff = trpc.admin.staff.useQuery();
  const [handle, setHandle] = useState("");
  const [reason, setReason] = useState("");
  const [unmaking, setUnmaking] = useState<TStaffMember | null>(null);
  const setRole = trpc.admin.setRole.useMutation({
    onSuccess: (member) => {
      void utils.admin.staff.invalidate();
      void utils.admin.audit.invalidate();
      if (member.role === "moderator") showToast(t("admin.made", { handle: member.handle }), {});
      setHandle("");
      setReason("");
      setUnmaking(null);
    },
  });
  const errors = fieldErrorsOf(setRole.error, i18n);
  const make = (event: FormEvent) => {
    event.preventDefault();
    if (!setRole.isPending) setRole.mutate({ handle: handle.replace(/^@/, ""), role: "moderator", reason });
  };
  return (
    <div className="admin__section">
      <ul className="sessions" data-testid="staff">
        {staff.data?.map((member) => (
          <li key={member.id} className="sessions__row">
            <div className="person">
              <Avatar user={member} size={28} />
              <Link to={`/u/${member.handle}`}>{member.displayName}</Link>
              <span className="muted small">@{member.handle}</span>
              <span className="badge">{t(`admin.role.${member.role}`)}</span>
            </div>
            {member.role === "moderator" && (
              <button type="button" className="quiet-danger" onClick={() => setUnmaking(member)}>
                {t("admin.unmake")}
              </button>
            )}
          </li>
        ))}
      </ul>
      <p className="muted small">{t("admin.adminsByCommandLine")}</p>
      <form className="form admin__form" onSubmit={make} aria-labelledby="make-title">
        <h2 id="make-title" className="section-title">
          {t("admin.makeModerator")}
        </h2>
        <Field
          label={t("admin.handle")}
          name="handle"
          value={handle}
          onChange={(event) => setHandle(event.target.value)}
          errors={errors.handle}
          autoComplete="off"
        />
        <Field
          label={t("admin.reason")}
          name="reason"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          errors={errors.reason}
        />
        {!unmaking && <FormError error={setRole.error} />}
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={!handle.trim() || !reason.trim() || setRole.isPending}
          >
            {t("admin.make")}
          </button>
        </div>
      </form>
      {unmaking && (
        <UnmakeDialog
          member={unmaking}
          pending={setRole.isPending}
          error={setRole.error}
          onClose={() => setUnmaking(null)}
          onConfirm={(why) => setRole.mutate({ handle: unmaking.handle, role: "member", reason: why })}
        />
      )}
    </div>
  );
}

function UnmakeDialog(props: {
  member: TStaffMember;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  return (
    <Dialog open onClose={props.onClose} title={t("admin.unmake")}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          props.onConfirm(reason);
        }}
      >
        <Field
          label={t("admin.unmakeReason", { handle: props.member.handle })}
          name="unmake-reason"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <FormError error={props.error} />
        <div className="form__actions">
          <button type="button" className="button" onClick={props.onClose}>
            {t("composer.cancel")}
          </button>
          <button type="submit" className="button button--danger" disabled={!reason.trim() || props.pending}>
            {t("admin.unmake")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
