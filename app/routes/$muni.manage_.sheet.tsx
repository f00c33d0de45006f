import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { closureText, PaymentStateText } from "~/components/hall";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { formatMinutes, localDateTime, todayIn } from "~/domain/calendar";
import { useT } from "~/i18n";
import { staffText } from "~/i18n/staff";
import { typedDate } from "~/schemas/hall.server";
import { facilitiesOf, hallDay } from "~/services/hall-schedule.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const s = staffText.hall.sheet;

/**
 * The day sheet of one facility (利用予定表): every room's frames of the day with who comes,
 * what for, how many, what they still pay and what to have ready, and a blank column to tick
 * arrivals and write the headcount by hand. Printed on A4 (app.css hides everything else).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireRole(request, municipality, ["MANAGER", "STAFF"]);
  const url = new URL(request.url);
  const now = new Date();
  const typed = url.searchParams.get("date");
  const date = typed ? typedDate(typed) : todayIn(municipality.timeZone, now);
  if (!date) notFound();
  const facilities = await facilitiesOf(municipality, user);
  const facilityId = url.searchParams.get("facility") ?? (facilities.length === 1 ? facilities[0]!.id : null);
  const base = { slug: municipality.slug, date, printedAt: localDateTime(now, municipality.timeZone) };
  if (!facilityId) return { ...base, choices: facilities, facility: null };
  const day = await hallDay(municipality, user, date, now, { facilityId });
  if (!day) notFound();
  return { ...base, choices: [], facility: day.facilities[0]! };
}

export default function DaySheet() {
  const { slug, date, printedAt, choices, facility } = useLoaderData<typeof loader>();
  const t = useT();
  const back = `/${slug}/manage?date=${date}`;
  if (!facility) {
    return (
      <>
        <BackLink to={back}>{s.back}</BackLink>
        <h1>{s.chooseTitle(t.longDate(date))}</h1>
        <p>{s.chooseFacility}</p>
        <ul className="link-list">
          {choices.map((f) => (
            <li key={f.id}>
              <a href={`/${slug}/manage/sheet?date=${date}&facility=${f.id}`}>{f.name}</a>
            </li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <>
      <div className="no-print">
        <BackLink to={`${back}&facility=${facility.id}`}>{s.back}</BackLink>
      </div>
      <article className="day-sheet" aria-labelledby="sheet-title">
        <p className="day-sheet__meta">{s.printedAt(`${t.date(printedAt.slice(0, 10))} ${printedAt.slice(11)}`)}</p>
        <h1 id="sheet-title" className="day-sheet__title">
          {s.title(facility.name, t.longDate(date))}
        </h1>
        {facility.closure ? <p className="closure-note">{`${s.closed} ${closureText(facility.closure)}`}</p> : null}
        <table className="day-sheet__table">
          <colgroup>
            {["room", "time", "who", "what", "money", "equipment", "blank"].map((c) => (
              <col key={c} className={`day-sheet__col-${c}`} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{s.room}</th>
              <th scope="col">{s.time}</th>
              <th scope="col">{s.who}</th>
              <th scope="col">{s.what}</th>
              <th scope="col">{s.money}</th>
              <th scope="col">{s.equipment}</th>
              <th scope="col">{s.arrival}</th>
            </tr>
          </thead>
          {facility.rooms.map((room) => (
            <tbody key={room.id}>
              {room.rows.length === 0 ? (
                <tr>
                  <th scope="row">{room.name}</th>
                  <td colSpan={6}>{staffText.hall.noBookings}</td>
                </tr>
              ) : null}
              {room.rows.map((row, i) => {
                const roomCell =
                  i === 0 ? (
                    <th scope="rowgroup" rowSpan={room.rows.length} className="day-sheet__room">
                      {room.name}
                    </th>
                  ) : null;
                if (row.kind !== "BOOKED") {
                  return (
                    <tr key={row.frame.id} className="day-sheet__free">
                      {roomCell}
                      <td>
                        {row.frame.name}
                        <br />
                        <span className="nowrap">{t.timeRange(formatMinutes(row.frame.startMinute), formatMinutes(row.frame.endMinute))}</span>
                      </td>
                      <td colSpan={5}>{row.kind === "FREE" ? s.free : row.by.kind === "BLOCK" || !row.by.roomName ? staffText.hall.blocked : staffText.hall.inUseBy(row.by.roomName)}</td>
                    </tr>
                  );
                }
                const b = row.item;
                return (
                  <tr key={b.id}>
                    {roomCell}
                    <td>
                      {b.frame}
                      <br />
                      <span className="nowrap">{t.timeRange(b.from, b.to)}</span>
                    </td>
                    <td>
                      <strong>{b.applicant}</strong>
                      <br />
                      <span className="nowrap">{b.phone}</span>
                      <br />
                      {`${staffText.hall.numberLabel} ${b.number}（${t.status[b.status]}）`}
                    </td>
                    <td>
                      {b.purpose}
                      <br />
                      {t.people(b.headcount)}
                    </td>
                    <td>
                      <PaymentStateText state={b.payment} stacked />
                    </td>
                    <td>{b.equipment.length > 0 ? t.list(b.equipment.map((e) => t.apply.equipment.item(e.name, e.quantity))) : ""}</td>
                    <td className="day-sheet__blank">{s.arrivalBlank}</td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </article>
      <div className="no-print">
        <p className="hint">{s.printHint}</p>
        <div className="actions">
          <Button type="button" variant="outline" onPress={() => window.print()}>
            {s.print}
          </Button>
        </div>
      </div>
    </>
  );
}
