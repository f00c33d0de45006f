import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { CSSProperties } from "react";
import { localDateTime } from "~/domain/calendar";
import type { Closure } from "~/domain/closures";
import type { SignageCell, SignageRow } from "~/domain/signage";
import { type Messages, useT } from "~/i18n";
import { signageOf } from "~/services/signage.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import styles from "~/styles/signage.css";

/** The page asks the screen's browser to load it again this often (no JavaScript needed). */
const REFRESH_SECONDS = 60;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.facility ?? "" },
  { httpEquiv: "refresh", content: String(REFRESH_SECONDS) },
  // a screen in a hall's entrance, not a page for search engines
  { name: "robots", content: "noindex" },
];

// every load is of now; nothing in between may keep an old board
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

/**
 * The hall entrance's screen (デジタルサイネージ): today's frames of every room of one facility,
 * free or booked, a group's name only with its consent. Public, no sign-in; outside the
 * municipality's page layout, so it fills the screen.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const now = new Date();
  const board = await signageOf(municipality, params.facilityId ?? "", now);
  if (!board) notFound();
  return { ...board, updatedAt: localDateTime(now, municipality.timeZone).slice(11) };
}

/** Whether every room has the same frames, so that they can head the columns once. */
function commonFrames(rows: readonly SignageRow[]) {
  const key = (row: SignageRow) => row.cells.map((c) => `${c.name} ${c.from} ${c.to}`).join("|");
  return rows.length > 0 && rows.every((row) => key(row) === key(rows[0]!)) ? rows[0]!.cells : null;
}

function closureText(t: Messages, closure: Closure) {
  switch (closure.code) {
    case "WEEKLY":
      return t.signage.closure.WEEKLY(t.weekdayLong[closure.weekday]!);
    case "HOLIDAY":
      return t.signage.closure.HOLIDAY(closure.name);
    case "YEAR_END":
      return t.signage.closure.YEAR_END();
    case "DATED":
      return t.signage.closure.DATED(closure.reason);
  }
}

function Cell({ cell, timeShown }: { cell: SignageCell; timeShown: boolean }) {
  const t = useT();
  const s = t.signage;
  const text = cell.state === "FREE" ? s.free : cell.state === "UNAVAILABLE" ? s.unavailable : (cell.groupName ?? s.booked);
  const classes = ["signage-cell", `signage-cell--${cell.state}`, cell.past ? "is-past" : "", cell.current ? "is-current" : ""];
  return (
    <td className={classes.filter(Boolean).join(" ")}>
      <span className={timeShown ? "signage-cell__time" : "signage-cell__time signage-cell__time--in-header"}>
        <span className="signage-cell__frame">{cell.name}</span>
        <span className="signage-cell__range">{t.timeRange(cell.from, cell.to)}</span>
      </span>
      {cell.current ? <span className="signage-cell__now">{s.now}</span> : null}
      <span className="signage-cell__state">{text}</span>
    </td>
  );
}

export default function Signage() {
  const { facility, date, closure, rows, updatedAt } = useLoaderData<typeof loader>();
  const t = useT();
  const s = t.signage;
  const header = commonFrames(rows);
  return (
    // the rooms share the screen's height: their number sizes the type (signage.css)
    <div className="signage" style={{ "--rooms": Math.max(rows.length, 1) } as CSSProperties}>
      <header className="signage-header">
        <h1 className="signage-title">{facility}</h1>
        <p className="signage-date">{s.today(t.date(date))}</p>
        <p className="signage-updated">{s.updated(updatedAt)}</p>
      </header>
      {closure ? (
        <section className="signage-closed" aria-labelledby="signage-closed-title">
          <h2 id="signage-closed-title">{s.closedTitle}</h2>
          <p>{closureText(t, closure)}</p>
        </section>
      ) : rows.length === 0 ? (
        <p className="signage-closed">{s.noRooms}</p>
      ) : (
        <table className="signage-board">
          {header ? (
            <thead>
              <tr>
                <td />
                {header.map((c) => (
                  <th key={c.name} scope="col">
                    <span className="signage-frame">{c.name}</span>
                    <span className="signage-frame-time">{t.timeRange(c.from, c.to)}</span>
                  </th>
                ))}
              </tr>
            </thead>
          ) : null}
          <tbody>
            {rows.map((row) => (
              <tr key={row.roomId}>
                <th scope="row" className="signage-room">
                  {row.room}
                </th>
                {row.cells.map((cell) => (
                  <Cell key={`${cell.name}-${cell.from}`} cell={cell} timeShown={!header} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
