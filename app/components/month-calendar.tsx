import type { DayMark } from "~/domain/availability";
import { formatDateJa, type IsoDate, weekday } from "~/domain/calendar";
import { markLabels } from "~/i18n/ja";

const HEADS = ["日", "月", "火", "水", "木", "金", "土"];

export function MarkLegend() {
  const shown = ["free", "partial", "full", "closed"] as const;
  return (
    <ul className="legend" aria-label="記号の意味">
      {shown.map((mark) => (
        <li key={mark}>
          <span className={`mark mark--${mark}`} aria-hidden="true">
            {markLabels[mark].symbol}
          </span>{" "}
          {markLabels[mark].label}
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
  const lead = days.length ? weekday(days[0]!.date) : 0;
  const cells: ({ date: IsoDate; mark: DayMark } | null)[] = [...Array(lead).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  return (
    <table className="calendar">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {HEADS.map((h, i) => (
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
              const { symbol, label } = markLabels[day.mark];
              const dayClass = [
                i === 0 ? "sun" : i === 6 ? "sat" : "",
                day.date === today ? "today" : "",
                day.mark === "outside" ? "outside" : "",
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
                  <span className="visually-hidden">{`${formatDateJa(day.date)} ${label}`}</span>
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
