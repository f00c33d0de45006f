import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FrameFields, RoomFields, SETUP_LABELS } from "~/components/setup-forms";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Notice } from "~/components/ui/notice";
import { staffText } from "~/i18n/staff";
import { fieldErrors, FRAME_FIELDS, frameInputFrom, readForm, ROOM_FIELDS, roomDraftFrom } from "~/schemas/setup.server";
import { addFrame, type SetupResult, setFrameActive, setRoomActive, setupRoom, updateRoom } from "~/services/setup.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const t = staffText.setup;
const SAVED: Record<string, string> = {
  "room-added": t.roomAdded,
  "room-saved": t.roomSaved,
  "frame-added": t.frameAdded,
  "frame-saved": t.frameSaved,
  "room-retired": t.roomRetired,
  "room-offered": t.roomOffered,
  "frame-retired": t.frameRetired,
  "frame-offered": t.frameOffered,
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireRole(request, municipality, ["STAFF"]);
  const room = await setupRoom(municipality, params.roomId!, new Date());
  if (!room) notFound();
  const saved = SAVED[new URL(request.url).searchParams.get("saved") ?? ""] ?? null;
  return { slug: municipality.slug, room, saved };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const staff = await requireRole(request, municipality, ["STAFF"]);
  const roomId = params.roomId!;
  const { values, lists } = await readForm(request);
  const now = new Date();
  const here = `/${municipality.slug}/staff/setup/rooms/${roomId}`;
  const intent = values.intent ?? "";
  const reply = (result: SetupResult, saved: string, fields: Record<string, string> = {}) => {
    if (!result) notFound();
    if (result.ok) return redirect(`${here}?saved=${saved}`);
    return data({ intent, errors: fieldErrors(result.problems, fields), values, dayTypes: lists(FRAME_FIELDS.dayTypes) }, { status: 400 });
  };
  switch (intent) {
    case "room":
      return reply(await updateRoom(municipality, staff.id, roomId, roomDraftFrom(values)), "room-saved", ROOM_FIELDS);
    case "frame":
      return reply(await addFrame(municipality, staff.id, roomId, frameInputFrom(values, lists(FRAME_FIELDS.dayTypes)), now), "frame-added", FRAME_FIELDS);
    case "retire-room":
    case "offer-room": {
      const offer = intent === "offer-room";
      return reply(await setRoomActive(municipality, staff.id, roomId, offer, now), offer ? "room-offered" : "room-retired");
    }
    case "retire-frame":
    case "offer-frame": {
      const offer = intent === "offer-frame";
      // only a frame of this room: another room's or municipality's id is not found
      const room = await setupRoom(municipality, roomId, now);
      if (!room?.timeFrames.some((f) => f.id === values.frameId)) notFound();
      return reply(await setFrameActive(municipality, staff.id, values.frameId!, offer, now), offer ? "frame-offered" : "frame-retired");
    }
    default:
      return data({ intent, errors: { form: t.unknownForm } as Record<string, string>, values, dayTypes: [] as string[] }, { status: 400 });
  }
}

export default function RoomSetup() {
  const { slug, room, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/${slug}/staff/setup`;
  const errors = actionData?.errors;
  const roomState =
    actionData?.intent === "room"
      ? { values: actionData.values, errors }
      : { values: { roomName: room.name, capacity: String(room.capacity), description: room.description, roomSortOrder: String(room.sortOrder) } };
  const frameState =
    actionData?.intent === "frame"
      ? { values: actionData.values, lists: { dayTypes: actionData.dayTypes }, errors }
      : { values: {}, lists: { dayTypes: ["WEEKDAY", "HOLIDAY"] } };
  const dayTypesText = (dayTypes: string[]) => (dayTypes.length === 2 ? t.everyDay : t.dayTypeNames[dayTypes[0]!]!);
  // retiring or offering again refused: said on its own, not as a form to correct
  const stateRefusal = /^(retire|offer)-/.test(actionData?.intent ?? "") ? errors?.form : undefined;
  return (
    <>
      <BackLink to={`${base}/facilities/${room.facility.id}`}>{t.openFacilityBack(room.facility.name)}</BackLink>
      <h1>{room.name}</h1>
      <p>
        {t.inFacility(room.facility.name)}
        {room.active ? null : (
          <>
            <br />
            <strong>{t.retiredBadge}</strong>
          </>
        )}
      </p>
      {saved && !actionData ? <Notice tone="success" role="status">{saved}</Notice> : null}
      {stateRefusal ? (
        <Notice tone="error" role="alert" title={actionData?.intent.startsWith("retire") ? t.retireRefused : t.offerRefused}>
          <p>{stateRefusal}</p>
        </Notice>
      ) : (
        <ErrorSummary errors={errors} labels={SETUP_LABELS} />
      )}
      {room.sharesSpaceWith.length > 0 ? <p>{t.sharesSpace(room.sharesSpaceWith.join("・"))}</p> : null}

      <h2>{t.framesTitle}</h2>
      <p>{t.framesIntro}</p>
      {room.timeFrames.length === 0 ? <p>{t.noFrames}</p> : null}
      <ul className="card-list">
        {room.timeFrames.map((f) => (
          <li key={f.id} className="card">
            <h3>{f.name}</h3>
            <p>
              {`${t.timeRange(f.startMinute, f.endMinute)}（${dayTypesText(f.dayTypes)}）`}
              <br />
              {t.feeLine(f.dayTypes.map((d) => `${t.dayTypeNames[d]} ${f.fees[d] === null ? t.noFee : t.yen(f.fees[d]!)}`).join("・"))}
              <br />
              {f.active ? t.offered : <strong>{t.retired}</strong>}
            </p>
            <p>
              <a href={`${base}/frames/${f.id}`}>{t.changeFrame(f.name)}</a>
            </p>
            <form method="post">
              <input type="hidden" name="intent" value={f.active ? "retire-frame" : "offer-frame"} />
              <input type="hidden" name="frameId" value={f.id} />
              <Button variant="outline">{f.active ? t.retireFrame : t.offerFrame}</Button>
            </form>
          </li>
        ))}
      </ul>
      <p>{t.retireHint}</p>

      <h2>{t.addFrame}</h2>
      <form method="post" noValidate key={actionData?.intent === "frame" ? "frame-typed" : `frame-${room.timeFrames.length}`}>
        <input type="hidden" name="intent" value="frame" />
        <FrameFields {...frameState} feeDayTypes={["WEEKDAY", "HOLIDAY"]} feeNote={t.feeHint} />
        <div className="actions">
          <Button>{t.addFrameSubmit}</Button>
        </div>
      </form>

      <h2>{t.roomDetails}</h2>
      <form method="post" noValidate key={JSON.stringify([room.name, room.capacity, room.description, room.sortOrder])}>
        <input type="hidden" name="intent" value="room" />
        <RoomFields {...roomState} />
        <div className="actions">
          <Button variant="outline">{t.saveRoom}</Button>
        </div>
      </form>

      <h2>{t.roomState}</h2>
      <p>{room.active ? t.offered : t.retired}</p>
      <form method="post">
        <input type="hidden" name="intent" value={room.active ? "retire-room" : "offer-room"} />
        <div className="actions">
          <Button variant="outline">{room.active ? t.retireRoom : t.offerRoom}</Button>
        </div>
      </form>
    </>
  );
}
