import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/ui/back-link";
import { MarkLegend, MonthCalendar } from "~/components/month-calendar";
import { addMonthsToMonth, monthOf, parseIsoMonth, todayIn } from "~/domain/calendar";
import { useT } from "~/i18n";
import { roomMonth } from "~/services/availability.server";
import { bookingWindow } from "~/domain/booking-window";
import { notFound, requireMunicipality } from "~/utils/municipality.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const now = new Date();
  const today = todayIn(municipality.timeZone, now);
  const window = bookingWindow(today, municipality);
  const firstMonth = monthOf(today);
  const lastMonth = monthOf(window.last);
  const asked = parseIsoMonth(new URL(request.url).searchParams.get("month"));
  const month = asked && asked >= firstMonth && asked <= lastMonth ? asked : firstMonth;
  const result = await roomMonth(municipality, params.roomId!, month, now);
  if (!result) notFound();
  return {
    slug: municipality.slug,
    room: {
      id: result.room.id,
      name: result.room.name,
      capacity: result.room.capacity,
      facility: { id: result.room.facility.id, name: result.room.facility.name },
    },
    month,
    today,
    days: result.days.map(({ date, mark }) => ({ date, mark })),
    // why the hall is closed on a day or a room cannot be used, in the staff's words
    notices: result.days.flatMap(({ date, closure, blocks }) => [
      ...(closure?.code === "DATED" ? [{ date, reason: closure.reason, closed: true, frames: null }] : []),
      ...blocks.map((b) => ({ date, closed: false, ...b })),
    ]),
    window: { closeDaysBefore: municipality.bookingCloseDaysBefore, months: municipality.bookingWindowMonths },
    previous: month > firstMonth ? addMonthsToMonth(month, -1) : null,
    next: month < lastMonth ? addMonthsToMonth(month, 1) : null,
  };
}

export default function RoomMonth() {
  const { slug, room, month, today, days, notices, window, previous, next } = useLoaderData<typeof loader>();
  const t = useT();
  const base = `/${slug}/rooms/${room.id}`;
  return (
    <>
      <BackLink to={`/${slug}/facilities/${room.facility.id}`}>{t.month.back(room.facility.name)}</BackLink>
      <h1>
        {room.name}
        <span className="visually-hidden">{t.month.availabilityOf}</span>
      </h1>
      <p>
        {t.month.intro(room.facility.name, room.capacity)}
      </p>
      <MarkLegend withNone={days.some((d) => d.mark === "none")} />
      <nav className="month-nav" aria-label={t.month.monthNav}>
        {previous ? <a href={`${base}?month=${previous}`}>‹ {t.monthName(previous)}</a> : <span />}
        {next ? <a href={`${base}?month=${next}`}>{t.monthName(next)} ›</a> : <span />}
      </nav>
      <MonthCalendar
        caption={t.month.caption(t.monthName(month))}
        days={days}
        today={today}
        hrefFor={(date) => `${base}/${date}`}
      />
      {notices.length > 0 ? (
        <section aria-labelledby="notices-title">
          <h2 id="notices-title">{t.month.notices}</h2>
          <ul className="points">
            {notices.map((n) => (
              <li key={`${n.date}|${n.reason}`}>
                {n.closed ? t.month.closedNotice(t.date(n.date), n.reason) : t.month.blockedNotice(t.date(n.date), n.reason, n.frames)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="muted">
        {t.month.window(window.closeDaysBefore, window.months)}
      </p>
    </>
  );
}
