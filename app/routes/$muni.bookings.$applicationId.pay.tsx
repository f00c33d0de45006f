import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { startCheckout } from "~/services/online-payments.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import { requireUser } from "~/utils/session.server";

/** Pay what is due online: on to Stripe Checkout, or back to the application saying why not. */
export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireUser(request, municipality);
  const result = await startCheckout(municipality, user.id, params.applicationId!, new Date());
  if (result.ok) return redirect(result.url);
  if (result.code === "NOT_FOUND") notFound();
  return redirect(`/${municipality.slug}/bookings/${encodeURIComponent(params.applicationId!)}?checkout=${result.code.toLowerCase()}`);
}

export async function loader({ params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  return redirect(`/${municipality.slug}/bookings/${encodeURIComponent(params.applicationId!)}`);
}
