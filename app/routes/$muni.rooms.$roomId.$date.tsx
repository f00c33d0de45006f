import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/ui/back-link";
import { ButtonLink } from "~/components/ui/button-link";
import { Notice } from "~/components/ui/notice";
import { SelectForm } from "~/schemas/application.server";
import { formatMinutes, parseIsoDate } from "~/domain/calendar";
import { MAX_ITEMS_PER_APPLICATION } from "~/domain/limits";
import { useT } from "~/i18n";
import { roomDay } from "~/services/availability.server";
import { checkRequestedSlots } from "~/services/booking.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import { commitSession, getSelection, getSession, setSelection } from "~/utils/session.server";

async function load(params: LoaderFunctionArgs["params"]) {
  const municipality = await requireMunicipality(params);
  const date = parseIsoDate(params.date);
  if (!date) notFound();
  const day = await roomDay(municipality, params.roomId!, date, new Date());
  if (!day) notFound();
  return { municipality, date, day };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { municipality, date, day } = await load(params);
  const session = await getSession(request);
  const selection = getSelection(session, municipality.id);
  return {
    slug: municipality.slug,
    date,
    room: { id: day.room.id, name: day.room.name, facilityName: day.room.facility.name },
    mark: day.mark,
    closure: day.closure,
    windowError: day.windowError,
    frames: day.frames.map((f) => ({
      ...f,
      selected: selection.some((s) => s.roomId === day.room.id && s.date === date && s.timeFrameId === f.id),
    })),
    selectedCount: selection.length,
  };
}


export async function action({ request, params }: ActionFunctionArgs) {
  const { municipality, date, day } = await load(params);
  const parsed = SelectForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "RESELECT" as const }, { status: 400 });
  const { intent, timeFrameId } = parsed.data;
  const session = await getSession(request);
  const slot = { roomId: day.room.id, date, timeFrameId };
  const others = getSelection(session, municipality.id).filter(
    (s) => !(s.roomId === slot.roomId && s.date === slot.date && s.timeFrameId === slot.timeFrameId),
  );
  if (intent === "add") {
    const checked = await checkRequestedSlots(municipality, [slot], new Date());
    const problem = checked.problems[0];
    if (problem) return data({ error: problem.code }, { status: 400 });
    if (!day.frames.find((f) => f.id === timeFrameId)?.free) {
      return data({ error: "JUST_TAKEN" as const }, { status: 409 });
    }
    if (others.length >= MAX_ITEMS_PER_APPLICATION) {
      return data({ error: "TOO_MANY_ITEMS" as const }, { status: 400 });
    }
    setSelection(session, municipality.id, [...others, slot]);
  } else {
    setSelection(session, municipality.id, others);
  }
  const headers = { "Set-Cookie": await commitSession(session) };
  return redirect(new URL(request.url).pathname, { headers });
}

export default function RoomDay() {
  const { slug, date, room, mark, closure, windowError, frames, selectedCount } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const blockedAllDay = !closure && frames.length > 0 && frames.every((f) => f.blockedFor) ? frames[0]!.blockedFor : null;
  const unavailable = closure
    ? closure.code === "DATED"
      ? t.day.closedFor(closure.reason)
      : t.day.closedDay
    : blockedAllDay
      ? t.day.blockedAllDay(blockedAllDay)
      : windowError
        ? t.bookingErrors[windowError]
        : frames.length === 0
          ? t.day.noFrames
          : null;
  const error = actionData?.error;
  const errorMessage =
    error === "RESELECT" ? t.day.reselect : error === "JUST_TAKEN" ? t.day.justTaken : error ? t.bookingErrors[error] : null;
  return (
    <>
      <BackLink to={`/${slug}/rooms/${room.id}?month=${date.slice(0, 7)}`}>{t.day.back}</BackLink>
      <h1>
        {t.date(date)}
        <br />
        {room.name}
      </h1>
      <p>
        {t.list([room.facilityName, blockedAllDay ? t.day.unavailable : t.marks[mark].label])}
      </p>
      {errorMessage ? (
        <Notice tone="error" role="alert">
          {errorMessage}
        </Notice>
      ) : null}
      {unavailable ? (
        <Notice>{unavailable}</Notice>
      ) : (
        <>
          <p>{t.day.choose}</p>
          <ul className="frames">
            {frames.map((frame) => {
              const time = t.timeRange(formatMinutes(frame.startMinute), formatMinutes(frame.endMinute));
              if (!frame.free && !frame.selected) {
                return (
                  <li key={frame.id} className="frame-taken">
                    <strong>{frame.name}</strong> {time}
                    <br />
                    {frame.blockedFor ? t.day.blocked(frame.blockedFor) : t.day.taken}
                  </li>
                );
              }
              return (
                <li key={frame.id}>
                  <form method="post">
                    <input type="hidden" name="timeFrameId" value={frame.id} />
                    <input type="hidden" name="intent" value={frame.selected ? "remove" : "add"} />
                    <button type="submit" className="frame-button" aria-pressed={frame.selected}>
                      <span className="frame-name">{frame.name}</span>
                      <span className="frame-action">{frame.selected ? t.day.selected : t.day.select}</span>
<span className="frame-detail">
                        <span className="nowrap">{time}</span>{" "}
                        {frame.fee !== null ? <span className="nowrap">{t.yen(frame.fee)}</span> : null}
                      </span>
                    </button>
                  </form>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {selectedCount > 0 ? (
        <div className="actions">
          <ButtonLink href={`/${slug}/selection`}>{t.day.review(selectedCount)}</ButtonLink>
        </div>
      ) : null}
    </>
  );
}
