import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FacilityFields, RoomFields, SETUP_LABELS } from "~/components/setup-forms";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Notice } from "~/components/ui/notice";
import { staffText } from "~/i18n/staff";
import { FACILITY_FIELDS, facilityDraftFrom, fieldErrors, readForm, ROOM_FIELDS, roomDraftFrom } from "~/schemas/setup.server";
import { addRoom, setupFacility, updateFacility } from "~/services/setup.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const t = staffText.setup;
const SAVED: Record<string, string> = { "facility-added": t.facilityAdded, "facility-saved": t.facilitySaved };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireRole(request, municipality, ["STAFF"]);
  const facility = await setupFacility(municipality.id, params.facilityId!);
  if (!facility) notFound();
  const saved = SAVED[new URL(request.url).searchParams.get("saved") ?? ""] ?? null;
  return { slug: municipality.slug, facility, saved };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const staff = await requireRole(request, municipality, ["STAFF"]);
  const facilityId = params.facilityId!;
  const { values, lists } = await readForm(request);
  const base = `/${municipality.slug}/staff/setup`;
  if (values.intent === "facility") {
    const weekdays = lists(FACILITY_FIELDS.closedWeekdays);
    const result = await updateFacility(municipality, staff.id, facilityId, facilityDraftFrom(values, weekdays), new Date());
    if (!result) notFound();
    if (result.ok) return redirect(`${base}/facilities/${facilityId}?saved=facility-saved`);
    return data({ intent: "facility", errors: fieldErrors(result.problems, FACILITY_FIELDS), values, weekdays }, { status: 400 });
  }
  if (values.intent === "room") {
    const result = await addRoom(municipality, staff.id, facilityId, roomDraftFrom(values));
    if (!result) notFound();
    if (result.ok) return redirect(`${base}/rooms/${result.id}?saved=room-added`);
    return data({ intent: "room", errors: fieldErrors(result.problems, ROOM_FIELDS), values, weekdays: [] as string[] }, { status: 400 });
  }
  return data({ intent: "", errors: { form: t.unknownForm } as Record<string, string>, values: {} as Record<string, string>, weekdays: [] as string[] }, { status: 400 });
}

export default function FacilitySetup() {
  const { slug, facility, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/${slug}/staff/setup`;
  const facilityState =
    actionData?.intent === "facility"
      ? { values: actionData.values, lists: { closedWeekdays: actionData.weekdays }, errors: actionData.errors }
      : {
          values: {
            facilityName: facility.name,
            address: facility.address,
            phone: facility.phone,
            facilitySortOrder: String(facility.sortOrder),
          },
          lists: { closedWeekdays: facility.closedWeekdays.map(String) },
        };
  const roomState = actionData?.intent === "room" ? { values: actionData.values, errors: actionData.errors } : { values: { roomSortOrder: String(facility.nextRoomOrder) } };
  return (
    <>
      <BackLink to={base}>{t.backToList}</BackLink>
      <h1>{facility.name}</h1>
      {saved && !actionData ? <Notice tone="success" role="status">{saved}</Notice> : null}
      <ErrorSummary errors={actionData?.errors} labels={SETUP_LABELS} />

      <h2>{t.roomsTitle}</h2>
      {facility.rooms.length === 0 ? <p>{t.noRooms}</p> : null}
      <ul className="card-list">
        {facility.rooms.map((r) => (
          <li key={r.id} className="card">
            <a className="card-link" href={`${base}/rooms/${r.id}`}>
              <span className="card-title">{r.name}</span>
              <span className="visually-hidden">{t.settingsOf}</span>
            </a>
            <p>
              {t.capacityOf(r.capacity)}
              <br />
              {t.framesOf(r.offeredFrames)}
              {r.active ? null : (
                <>
                  <br />
                  <strong>{t.retiredBadge}</strong>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>

      <h2>{t.addRoom}</h2>
      {/* keyed so that a saved form comes back empty */}
      <form method="post" noValidate key={actionData?.intent === "room" ? "room-typed" : "room"}>
        <input type="hidden" name="intent" value="room" />
        <RoomFields {...roomState} />
        <div className="actions">
          <Button>{t.addRoomSubmit}</Button>
        </div>
      </form>

      <h2>{t.facilityDetails}</h2>
      <form method="post" noValidate key={JSON.stringify(facility)}>
        <input type="hidden" name="intent" value="facility" />
        <FacilityFields {...facilityState} />
        <div className="actions">
          <Button variant="outline">{t.saveFacility}</Button>
        </div>
      </form>
    </>
  );
}
