import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FeeBreakdown } from "~/components/fee-breakdown";
import { closureText, HallNav, PaymentStateText } from "~/components/hall";
import { Button } from "~/components/ui/button";
import { OutcomeNotices } from "~/components/ui/outcome-notices";
import { RadioGroup } from "~/components/ui/radio-group";
import { TextField } from "~/components/ui/text-field";
import { addDays, formatMinutes, localDateTime, todayIn } from "~/domain/calendar";
import { useT } from "~/i18n";
import { staffText } from "~/i18n/staff";
import { formFields, parseUsage, typedDate } from "~/schemas/hall.server";
import { recordUsage } from "~/services/hall-bookings.server";
import { facilitiesOf, type HallBooking, hallDay, hallWeek } from "~/services/hall-schedule.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const h = staffText.hall;

/**
 * The hall's ledger: one day of the person's facilities (every room's frames, booked or free,
 * with the usage record of each slot from the day of use on), or seven days of bookings.
 * `?date=` any day, past ones too; `?view=week`; `?facility=` one facility of theirs.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireRole(request, municipality, ["MANAGER", "STAFF"]);
  const url = new URL(request.url);
  const now = new Date();
  const today = todayIn(municipality.timeZone, now);
  const typed = url.searchParams.get("date");
  const picked = typed ? typedDate(typed) : today;
  const date = picked ?? today;
  const facilityId = url.searchParams.get("facility") || null;
  const view: "day" | "week" = url.searchParams.get("view") === "week" ? "week" : "day";
  const [facilities, day, week] = await Promise.all([
    facilitiesOf(municipality, user),
    view === "day" ? hallDay(municipality, user, date, now, { facilityId }) : null,
    view === "week" ? hallWeek(municipality, user, date, now, { facilityId }) : null,
  ]);
  if (!day && !week) notFound();
  const at = (d: Date | null) => (d ? localDateTime(d, municipality.timeZone) : null);
  const withTimes = (b: HallBooking) => ({ ...b, holdExpiresAt: at(b.holdExpiresAt) });
  return {
    slug: municipality.slug,
    view,
    today,
    date,
    typed: picked ? null : typed,
    facilityId,
    facilities,
    day: day && {
      ...day,
      facilities: day.facilities.map((f) => ({
        ...f,
        rooms: f.rooms.map((r) => ({ ...r, rows: r.rows.map((row) => (row.kind === "BOOKED" ? { ...row, item: withTimes(row.item) } : row)) })),
      })),
    },
    week: week && {
      ...week,
      facilities: week.facilities.map((f) => ({ ...f, rooms: f.rooms.map((r) => ({ ...r, bookings: r.bookings.map(withTimes) })) })),
    },
  };
}

/** The usage record of one slot (利用実績): how many came, or nobody. */
export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireRole(request, municipality, ["MANAGER", "STAFF"]);
  const form = await formFields(request);
  const itemId = form.itemId ?? "";
  const parsed = parseUsage(form, itemId);
  if (!parsed.ok) return data({ itemId, done: false, errors: parsed.errors, values: form }, { status: 400 });
  const result = await recordUsage(municipality, user, itemId, parsed.value, new Date());
  if (!result.ok) {
    const e = h.usageErrors;
    return data({ itemId, done: false, errors: { form: result.code === "NOT_YET" ? e.notYet : e.notFound }, values: form }, { status: 400 });
  }
  return data({ itemId, done: true, errors: {} as Record<string, string>, values: {} as Record<string, string> });
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
type Booking = NonNullable<Loaded["day"]>["facilities"][number]["rooms"][number]["rows"][number] & { kind: "BOOKED" };

export default function HallLedger() {
  const { slug, view, today, date, typed, facilityId, facilities, day, week } = useLoaderData<typeof loader>();
  const t = useT();
  const base = `/${slug}/manage`;
  const query = (d: string, v = view) => `${base}?${new URLSearchParams({ ...(v === "week" ? { view: "week" } : {}), date: d, ...(facilityId ? { facility: facilityId } : {}) })}`;
  const step = view === "week" ? 7 : 1;
  return (
    <>
      <HallNav slug={slug} current={view} />
      {facilities.length === 0 ? (
        <>
          <h1>{h.title}</h1>
          <p>{h.noFacilities}</p>
        </>
      ) : (
        <>
          <h1>{view === "week" && week ? h.weekTitle(t.date(week.from), t.date(week.to)) : h.dayTitle(t.date(date))}</h1>
          <nav className="month-nav day-nav" aria-label={h.dateNav}>
            <a href={query(addDays(date, -step))}>‹ {view === "week" ? h.previousWeek : h.previousDay}</a>
            {date !== today ? <a href={query(today)}>{view === "week" ? h.fromToday : h.today}</a> : null}
            <a href={query(addDays(date, step))}>{view === "week" ? h.nextWeek : h.nextDay} ›</a>
          </nav>
          <details className="fee-details date-picker" open={typed !== null}>
            <summary>{h.pickDate}</summary>
            <form method="get" action={base}>
              {view === "week" ? <input type="hidden" name="view" value="week" /> : null}
              {facilityId ? <input type="hidden" name="facility" value={facilityId} /> : null}
              <TextField
                name="date"
                type="date"
                label={h.date}
                hint={h.dateHint}
                defaultValue={typed ?? date}
                error={typed !== null ? h.dateInvalid : undefined}
              />
              <div className="actions">
                <Button variant="outline" size="medium">{h.show}</Button>
              </div>
            </form>
          </details>
          {facilities.length > 1 ? (
            <nav aria-labelledby="facility-filter-label">
              <p id="facility-filter-label" className="facility-filter__label">
                {h.facility}
              </p>
              <ul className="facility-filter">
                {[{ id: null, name: h.allFacilities }, ...facilities].map((f) => (
                  <li key={f.id ?? "all"}>
                    <a
                      href={`${base}?${new URLSearchParams({ ...(view === "week" ? { view: "week" } : {}), date, ...(f.id ? { facility: f.id } : {}) })}`}
                      aria-current={f.id === facilityId ? "page" : undefined}
                    >
                      {f.name}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {day ? <DayView day={day} slug={slug} /> : null}
          {week ? <WeekView week={week} dayHref={(d) => query(d, "day")} /> : null}
        </>
      )}
    </>
  );
}

function DayView({ day, slug }: { day: NonNullable<Loaded["day"]>; slug: string }) {
  const t = useT();
  return (
    <>
      {day.facilities.map((facility) => (
        <section key={facility.id} aria-labelledby={`facility-${facility.id}`} className="hall-facility">
          <h2 id={`facility-${facility.id}`}>{facility.name}</h2>
          {facility.closure ? <p className="closure-note">{closureText(facility.closure)}</p> : null}
          <p>
            <a href={`/${slug}/manage/sheet?${new URLSearchParams({ date: day.date, facility: facility.id })}`}>{h.printSheet(facility.name)}</a>
          </p>
          {facility.rooms.length === 0 ? <p>{h.noRooms}</p> : null}
          {facility.rooms.map((room) => (
            <section key={room.id} aria-labelledby={`room-${room.id}`}>
              <h3 id={`room-${room.id}`}>{room.name}</h3>
              {room.rows.length === 0 ? <p className="muted">{h.noBookings}</p> : null}
              <ul className="card-list hall-rows">
                {room.rows.map((row) =>
                  row.kind === "BOOKED" ? (
                    <li key={row.item.id} className="card">
                      <BookingCard booking={row.item} slug={slug} />
                    </li>
                  ) : (
                    <li key={row.frame.id} className="hall-free">
                      <span className="hall-free__time">
                        {`${row.frame.name} `}
                        <span className="nowrap">{t.timeRange(formatMinutes(row.frame.startMinute), formatMinutes(row.frame.endMinute))}</span>
                      </span>
                      <span className="hall-free__state">
                        {row.kind === "FREE" ? h.free : row.by.kind === "BLOCK" || !row.by.roomName ? h.blocked : h.inUseBy(row.by.roomName)}
                      </span>
                    </li>
                  ),
                )}
              </ul>
            </section>
          ))}
        </section>
      ))}
    </>
  );
}

function BookingCard({ booking: b, slug }: { booking: Booking["item"]; slug: string }) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="card-title hall-card-title">
        {`${b.frame} `}
        <span className="nowrap">{t.timeRange(b.from, b.to)}</span>{" "}
        <span className={`status status--${b.status}`}>{t.status[b.status]}</span>
      </p>
      <p className="hall-applicant">{b.applicant}</p>
      <dl className="compact-list">
        <dt>{h.phone}</dt>
        <dd>
          <a href={`tel:${b.phone}`}>{b.phone}</a>
        </dd>
        {b.proxyBy ? (
          <>
            <dt>{staffText.proxy.markerLabel}</dt>
            <dd>{staffText.proxy.marker(b.proxyBy)}</dd>
          </>
        ) : null}
        <dt>{h.purpose}</dt>
        <dd>{b.purpose}</dd>
        <dt>{h.headcount}</dt>
        <dd>{t.people(b.headcount)}</dd>
        {b.equipment.length > 0 ? (
          <>
            <dt>{h.equipment}</dt>
            <dd>{t.list(b.equipment.map((e) => t.apply.equipment.item(e.name, e.quantity)))}</dd>
          </>
        ) : null}
        <dt>{h.payment}</dt>
        <dd>
          <PaymentStateText state={b.payment} />
          {b.holdExpiresAt ? <span className="hint hall-hold">{h.holdUntil(`${t.date(b.holdExpiresAt.slice(0, 10))} ${b.holdExpiresAt.slice(11)}`)}</span> : null}
        </dd>
        <dt>{h.numberLabel}</dt>
        <dd>{b.number}</dd>
      </dl>
      {"due" in b.payment && b.payment.due > 0 && b.payment.code !== "EXEMPTION_PENDING" && b.payment.code !== "PAYING_ONLINE" ? (
        <p>
          <a href={`/${slug}/manage/payments?number=${b.number}`}>{h.takePayment}</a>
        </p>
      ) : null}
      <details className="fee-details">
        <summary>{`${h.fee} ${t.yen(b.fee)}`}</summary>
        <FeeBreakdown breakdown={b.breakdown} />
      </details>
      {b.usage ? (
        <p>
          <strong>{b.usage.noShow ? h.usageRecordedNoShow : h.usageRecorded(t.people(b.usage.actualHeadcount ?? 0))}</strong>
          {b.usage.note ? `（${b.usage.note}）` : ""}
        </p>
      ) : null}
      {b.mayRecordUsage ? (
        <UsageForm itemId={b.id} result={actionData?.itemId === b.id ? actionData : undefined} recorded={b.usage} />
      ) : (
        <p className="muted">{h.usageLater}</p>
      )}
    </>
  );
}

function WeekView({ week, dayHref }: { week: NonNullable<Loaded["week"]>; dayHref: (date: string) => string }) {
  const t = useT();
  return (
    <>
      {week.facilities.map((facility) => (
        <section key={facility.id} aria-labelledby={`facility-${facility.id}`} className="hall-facility">
          <h2 id={`facility-${facility.id}`}>{facility.name}</h2>
          <ul className="week-days">
            {facility.days.map((d) => (
              <li key={d.date}>
                <a href={dayHref(d.date)}>
                  <span className="week-days__date">{t.date(d.date)}</span>
                  <span className="week-days__count">{d.closure ? closureText(d.closure) : h.bookedCount(d.booked)}</span>
                </a>
              </li>
            ))}
          </ul>
          {facility.rooms.map((room) => (
            <section key={room.id} aria-labelledby={`week-room-${room.id}`}>
              <h3 id={`week-room-${room.id}`}>{room.name}</h3>
              {room.bookings.length === 0 ? (
                <p className="muted">{h.noBookings}</p>
              ) : (
                <ul className="card-list">
                  {room.bookings.map((b) => (
                    <li key={b.id} className="card week-booking">
                      <p className="card-title">
                        <a href={dayHref(b.date)}>{`${t.date(b.date)} ${b.frame}`}</a>{" "}
                        <span className="nowrap">{t.timeRange(b.from, b.to)}</span>{" "}
                        <span className={`status status--${b.status}`}>{t.status[b.status]}</span>
                      </p>
                      <p>{`${b.applicant}・${b.purpose}・${t.people(b.headcount)}`}</p>
                      <p>
                        <PaymentStateText state={b.payment} />
                      </p>
                      {b.equipment.length > 0 ? <p>{`${h.equipment}：${t.list(b.equipment.map((e) => t.apply.equipment.item(e.name, e.quantity)))}`}</p> : null}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </section>
      ))}
    </>
  );
}

function UsageForm({
  itemId,
  result,
  recorded,
}: {
  itemId: string;
  result?: { done: boolean; errors: Record<string, string>; values: Record<string, string> };
  recorded: { actualHeadcount: number | null; noShow: boolean; note: string } | null;
}) {
  const errors = result?.errors;
  const typed = (field: string, fallback: string) => result?.values?.[field] ?? fallback;
  // each slot's fields are named after it, so ids (and the labels on them) stay unique on the page
  const name = (field: string) => `${field}-${itemId}`;
  return (
    <details className="fee-details" open={Boolean(result)}>
      <summary>{h.usageTitle}</summary>
      <OutcomeNotices done={result?.done ? h.usageSaved : null} error={errors?.form} />
      <form method="post" noValidate>
        <input type="hidden" name="itemId" value={itemId} />
        <RadioGroup
          name={name("outcome")}
          label={h.usageOutcome}
          options={[
            { value: "used", label: h.used },
            { value: "noShow", label: h.noShow },
          ]}
          defaultValue={typed(name("outcome"), recorded ? (recorded.noShow ? "noShow" : "used") : "") || undefined}
          error={errors?.outcome}
        />
        <TextField
          name={name("actualHeadcount")}
          label={h.actualHeadcount}
          hint={h.actualHeadcountHint}
          inputMode="numeric"
          short
          optional
          defaultValue={typed(name("actualHeadcount"), recorded?.actualHeadcount != null ? String(recorded.actualHeadcount) : "")}
          error={errors?.actualHeadcount}
        />
        <TextField name={name("note")} label={h.usageNote} optional defaultValue={typed(name("note"), recorded?.note ?? "")} error={errors?.note} />
        <div className="actions">
          <Button variant="outline">{h.usageSave}</Button>
        </div>
      </form>
    </details>
  );
}
