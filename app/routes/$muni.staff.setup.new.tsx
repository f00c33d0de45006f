import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FacilityFields, SETUP_LABELS } from "~/components/setup-forms";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { ErrorSummary } from "~/components/ui/error-summary";
import { staffText } from "~/i18n/staff";
import { FACILITY_FIELDS, facilityDraftFrom, fieldErrors, readForm } from "~/schemas/setup.server";
import { addFacility, nextFacilityOrder } from "~/services/setup.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const t = staffText.setup;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireRole(request, municipality, ["STAFF"]);
  return { slug: municipality.slug, sortOrder: await nextFacilityOrder(municipality.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const staff = await requireRole(request, municipality, ["STAFF"]);
  const { values, lists } = await readForm(request);
  const weekdays = lists(FACILITY_FIELDS.closedWeekdays);
  const result = await addFacility(municipality, staff.id, facilityDraftFrom(values, weekdays));
  if (result?.ok) return redirect(`/${municipality.slug}/staff/setup/facilities/${result.id}?saved=facility-added`);
  const errors = result ? fieldErrors(result.problems, FACILITY_FIELDS) : {};
  return data({ errors, values, weekdays }, { status: 400 });
}

export default function NewFacility() {
  const { slug, sortOrder } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? { facilitySortOrder: String(sortOrder) };
  return (
    <>
      <BackLink to={`/${slug}/staff/setup`}>{t.backToList}</BackLink>
      <h1>{t.newFacilityTitle}</h1>
      <ErrorSummary errors={actionData?.errors} labels={SETUP_LABELS} />
      <form method="post" noValidate>
        <FacilityFields values={values} lists={{ closedWeekdays: actionData?.weekdays ?? [] }} errors={actionData?.errors} />
        <div className="actions">
          <Button>{t.addFacility}</Button>
        </div>
      </form>
    </>
  );
}
