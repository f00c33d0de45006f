import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { useT } from "~/i18n";
import { requireMunicipality } from "~/utils/municipality.server";
import { signOut } from "~/utils/session.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  return { slug: municipality.slug };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const everywhere = (await request.formData()).get("scope") === "everywhere";
  return signOut(request, `/${municipality.slug}`, { everywhere });
}

export default function Logout() {
  const { slug } = useLoaderData<typeof loader>();
  const t = useT().logout;
  return (
    <>
      <h1>{t.title}</h1>
      <form method="post">
        <div className="actions">
          <Button>{t.submit}</Button>
          <a href={`/${slug}`}>{t.stay}</a>
        </div>
      </form>
      <h2>{t.everywhereTitle}</h2>
      <p>{t.everywhereHint}</p>
      <form method="post">
        <input type="hidden" name="scope" value="everywhere" />
        <Button variant="outline">{t.everywhere}</Button>
      </form>
    </>
  );
}
