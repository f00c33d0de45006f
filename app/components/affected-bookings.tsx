import type { PeriodView } from "~/domain/blocks";
import type { AffectedBooking } from "~/services/affected-bookings.server";
import { formatMinutes } from "~/domain/calendar";
import { useT } from "~/i18n";
import { staffText } from "~/i18n/staff";
import { Button } from "./ui/button";
import { CheckboxGroup } from "./ui/checkbox-group";
import { ErrorSummary } from "./ui/error-summary";
import { Notice } from "./ui/notice";
import { TextField } from "./ui/text-field";

/** A period as people read it: 12月10日(木)（終日）, 12月10日(木) 10:00〜13:00, … */
export function usePeriodText() {
  const r = useT();
  return (p: PeriodView) => {
    if (p.fromMinute === null || p.toMinute === null) {
      const days = p.fromDate === p.toDate ? r.date(p.fromDate) : r.timeRange(r.date(p.fromDate), r.date(p.toDate));
      return `${days}（${staffText.blocks.allDay}）`;
    }
    const from = `${r.date(p.fromDate)} ${formatMinutes(p.fromMinute)}`;
    const to = p.toDate === p.fromDate ? formatMinutes(p.toMinute) : `${r.date(p.toDate)} ${formatMinutes(p.toMinute)}`;
    return r.timeRange(from, to);
  };
}

/**
 * The bookings a block or a closure runs into, and for staff the form that cancels the chosen
 * ones with a full refund and a message (posted as intent=cancel, applicationId…, message).
 */
export function AffectedBookings({
  bookings,
  canCancel,
  defaultMessage,
  errors,
  typed,
}: {
  bookings: AffectedBooking[];
  canCancel: boolean;
  defaultMessage: string;
  /** the cancel form's field errors, after a post */
  errors?: Record<string, string>;
  typed?: { applicationIds: string[]; message: string };
}) {
  const r = useT();
  const a = staffText.affected;
  return (
    <section aria-labelledby="affected-title" id="affected">
      <h2 id="affected-title">{a.title}</h2>
      {bookings.length === 0 ? (
        <p>{a.none}</p>
      ) : (
        <>
          <p>{a.intro(bookings.length)}</p>
          {canCancel ? null : <Notice>{a.managerNote}</Notice>}
          <ul className="card-list">
            {bookings.map((b) => (
              <li key={b.applicationId} className="card">
                <p className="card-title">
                  {a.number(b.number)} <span className={`status status--${b.status}`}>{r.status[b.status]}</span>
                </p>
                <dl className="compact-list">
                  <dt>{a.applicant}</dt>
                  <dd>{b.applicant}</dd>
                  <dt>{a.phone}</dt>
                  <dd>
                    <a href={`tel:${b.phone}`}>{b.phone}</a>
                  </dd>
                  <dt>{a.slots}</dt>
                  <dd>
                    <ul className="points">
                      {b.slots.map((s) => (
                        <li key={s.itemId}>
                          {`${r.date(s.date)} ${s.frame} `}
                          <span className="nowrap">{r.timeRange(s.from, s.to)}</span>
                          <br />
                          {`${s.facility} ${s.room}`}
                        </li>
                      ))}
                    </ul>
                  </dd>
                  <dt>{a.fee}</dt>
                  <dd>{r.yen(b.totalFee)}</dd>
                  <dt>{a.paid}</dt>
                  <dd>{r.yen(b.paid)}</dd>
                </dl>
              </li>
            ))}
          </ul>
          {canCancel ? (
            <form method="post" noValidate>
              <h3>{a.cancelTitle}</h3>
              <p>{a.cancelIntro}</p>
              <ErrorSummary errors={errors} labels={{ applicationId: a.choose, message: a.message }} />
              <input type="hidden" name="intent" value="cancel" />
              <CheckboxGroup
                name="applicationId"
                label={a.choose}
                options={bookings.map((b) => ({ value: b.applicationId, label: a.option(b.number, b.applicant) }))}
                defaultValue={typed?.applicationIds}
                error={errors?.applicationId}
              />
              <TextField name="message" label={a.message} hint={a.messageHint} defaultValue={typed?.message ?? defaultMessage} error={errors?.message} />
              <div className="actions">
                <Button danger>{a.submit}</Button>
              </div>
            </form>
          ) : null}
        </>
      )}
    </section>
  );
}
