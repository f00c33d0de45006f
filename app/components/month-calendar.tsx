import type { DayMark } from "~/domain/availability";
import { type IsoDate, weekday } from "~/domain/calendar";
import { useT } from "~/i18n";

/** The marks' meanings; `none` only for a month that has such days (a room with weekday or holiday frames only). */
export function MarkLegend({ withNone = false }: { withNone?: boolean }) {
  const t = useT();
  const shown = withNone ? (["free", "partial", "full", "closed", "none"] as const) : (["free", "partial", "full", "closed"] as const);
  return (
    <ul className="legend" aria-label={t.month.legend}>
      {shown.map((mark) => (
        <li key={mark}>
          <span className={`mark mark--${mark}`} aria-hidden="true">
            {t.marks[mark].symbol}
          </span>{" "}
          {t.marks[mark].label}
        </li>
      ))}
    </ul>
  );
}

/** A month as the familiar 7-column calendar; each bookable day links to its day view. */
export function MonthCalendar({
  caption,
  days,
  today,
  hrefFor,
}: {
  caption: string;
  days: { date: IsoDate; mark: DayMark }[];
  today: IsoDate;
  hrefFor: (date: IsoDate) => string;
}) {
  const t = useT();
  const lead = days.length ? weekday(days[0]!.date) : 0;
  const cells: ({ date: IsoDate; mark: DayMark } | null)[] = [...Array(lead).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  return (
    <table className="calendar">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {t.weekdayShort.map((h, i) => (
            <th key={h} scope="col" className={i === 0 ? "sun" : i === 6 ? "sat" : undefined}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, w) => (
          <tr key={w}>
            {week.map((day, i) => {
              if (!day) return <td key={i} />;
              const { symbol, label } = t.marks[day.mark];
              const dayClass = [
                i === 0 ? "sun" : i === 6 ? "sat" : "",
                day.date === today ? "today" : "",
                day.mark === "outside" || day.mark === "none" ? "outside" : "",
              ]
                .filter(Boolean)
                .join(" ");
              const content = (
                <>
                  <span className="day-number" aria-hidden="true">
                    {Number(day.date.slice(8))}
                  </span>
                  <span className={`mark mark--${day.mark}`} aria-hidden="true">
                    {symbol || "\u00a0"}
                  </span>
                  <span className="visually-hidden">{`${t.date(day.date)} ${label}`}</span>
                </>
              );
              const linkable = day.mark === "free" || day.mark === "partial" || day.mark === "full";
              return (
                <td key={i} className={dayClass || undefined}>
                  {linkable ? <a href={hrefFor(day.date)}>{content}</a> : <span className="day">{content}</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
