import { findMunicipality } from "~/services/catalog.server";

/** The municipality named by the URL's slug, or a 404 page. */
export async function requireMunicipality(params: { muni?: string }) {
  const municipality = params.muni ? await findMunicipality(params.muni) : null;
  if (!municipality) throw new Response("Not Found", { status: 404 });
  return municipality;
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}
