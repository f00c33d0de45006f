import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/forms";
import { SelectForm } from "~/schemas/application.server";
import { formatDateJa, formatMinutes, parseIsoDate } from "~/domain/calendar";
import { formatYen } from "~/domain/money";
import { bookingErrors, markLabels } from "~/i18n/ja";
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
  if (!parsed.success) return data({ error: "選び直してください。" }, { status: 400 });
  const { intent, timeFrameId } = parsed.data;
  const session = await getSession(request);
  const slot = { roomId: day.room.id, date, timeFrameId };
  const others = getSelection(session, municipality.id).filter(
    (s) => !(s.roomId === slot.roomId && s.date === slot.date && s.timeFrameId === slot.timeFrameId),
  );
  if (intent === "add") {
    const checked = await checkRequestedSlots(municipality, [slot], new Date());
    const problem = checked.problems[0];
    if (problem) return data({ error: bookingErrors[problem.code] }, { status: 400 });
    if (!day.frames.find((f) => f.id === timeFrameId)?.free) {
      return data({ error: "この枠はすでに予約が入っています。ほかの枠を選んでください。" }, { status: 409 });
    }
    if (others.length >= 20) return data({ error: bookingErrors.TOO_MANY_ITEMS }, { status: 400 });
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
  const unavailable = closure
    ? "この日は休館日です。"
    : windowError
      ? bookingErrors[windowError]
      : null;
  return (
    <>
      <BackLink to={`/${slug}/rooms/${room.id}?month=${date.slice(0, 7)}`}>カレンダーへ戻る</BackLink>
      <h1>
        {formatDateJa(date)}
        <br />
        {room.name}
      </h1>
      <p>
        {room.facilityName}・{markLabels[mark].label}
      </p>
      {actionData?.error ? (
        <div className="notice notice--error" role="alert">
          {actionData.error}
        </div>
      ) : null}
      {unavailable ? (
        <div className="notice">{unavailable}</div>
      ) : (
        <>
          <p>使いたい時間を押してください。いくつでも選べます。</p>
          <ul className="frames">
            {frames.map((frame) => {
              const time = `${formatMinutes(frame.startMinute)}〜${formatMinutes(frame.endMinute)}`;
              if (!frame.free && !frame.selected) {
                return (
                  <li key={frame.id} className="frame-taken">
                    <strong>{frame.name}</strong> {time}
                    <br />
                    予約済みのため選べません
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
                      <span className="frame-action">{frame.selected ? "選択中（取り消す）" : "選ぶ"}</span>
                      <span>
                        {time}・{formatYen(frame.fee)}
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
          <a className="button" href={`/${slug}/selection`}>
            選んだ枠を確認する（{selectedCount}件）
          </a>
        </div>
      ) : null}
    </>
  );
}
