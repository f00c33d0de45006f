import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SlotSummary } from "~/components/slots";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { CheckboxGroup } from "~/components/ui/checkbox-group";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n";
import { deleteAccount, slotsCancelledByDeletion } from "~/services/account-deletion.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import { commitSession, getSession, requireUser } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireUser(request, municipality);
  return {
    slug: municipality.slug,
    municipalityName: municipality.name,
    resident: user.role === "RESIDENT",
    slots: await slotsCancelledByDeletion(municipality, user.id, new Date()),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireUser(request, municipality);
  const form = await request.formData();
  if (form.get("confirm") !== "yes") return data({ error: "confirmRequired" as const }, { status: 400 });
  const result = await deleteAccount(municipality, user.id, new Date());
  if (!result.ok) {
    if (result.code === "NOT_FOUND") notFound();
    return data({ error: "notResident" as const }, { status: 403 });
  }
  // the sign-in is already gone from the database; forget the rest of this browser's session
  // too (the selection, and answers that may hold a phone number)
  const session = await getSession(request);
  session.unset("sessionId");
  session.unset("selection");
  session.unset("draft");
  return redirect(`/${municipality.slug}/account/deleted`, {
    headers: { "Set-Cookie": await commitSession(session) },
  });
}

export default function DeleteAccount() {
  const { slug, municipalityName, resident, slots } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const d = t.account.delete;
  const back = `/${slug}/bookings`;
  const errors = actionData?.error === "confirmRequired" ? { confirm: d.confirmRequired } : undefined;
  if (!resident || actionData?.error === "notResident") {
    return (
      <>
        <BackLink to={back}>{d.back}</BackLink>
        <h1>{d.title}</h1>
        <Notice tone="warning">{d.notResident}</Notice>
      </>
    );
  }
  return (
    <>
      <BackLink to={back}>{d.back}</BackLink>
      <h1>{d.title}</h1>
      <p>{d.intro}</p>
      <ul className="points">
        {d.points(municipalityName).map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>

      <h2>{d.upcomingTitle}</h2>
      {slots.length === 0 ? (
        <p>{d.upcomingNone}</p>
      ) : (
        <ul className="slot-list">
          {slots.map((slot) => (
            <li key={slot.id}>
              <SlotSummary slot={slot} />
              <div>{d.number(slot.applicationNumber)}</div>
            </li>
          ))}
        </ul>
      )}

      <h2>{d.downloadTitle}</h2>
      <p>{d.downloadHint}</p>
      <ul className="link-list">
        <li>
          <a href={`/${slug}/bookings/my-data`} download>
            {t.bookings.myData}
          </a>
        </li>
        <li>
          <a href={`/${slug}/bookings/my-data?format=csv`} download>
            {t.bookings.myDataCsv}
          </a>
        </li>
      </ul>

      <ErrorSummary errors={errors} labels={{ confirm: d.confirmLabel }} />
      <form method="post" noValidate className="confirm-form phrases">
        <CheckboxGroup
          name="confirm"
          label={d.confirmLabel}
          options={[{ value: "yes", label: d.confirm }]}
          error={errors?.confirm}
        />
        <div className="actions">
          <Button danger>{d.submit}</Button>
          <a href={back}>{d.keep}</a>
        </div>
      </form>
    </>
  );
}
