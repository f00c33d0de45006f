import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireMunicipality } from "~/utils/municipality.server";

/** The application questions start with the first one. */
export async function loader({ params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  return redirect(`/${municipality.slug}/apply/purpose`);
}
