import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ButtonLink } from "~/components/ui/button-link";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n";
import { requireMunicipality } from "~/utils/municipality.server";

/** Where a resident lands after deleting their account, signed out. */
export async function loader({ params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  return { slug: municipality.slug };
}

export default function AccountDeleted() {
  const { slug } = useLoaderData<typeof loader>();
  const d = useT().account.delete;
  return (
    <>
      <h1>{d.doneTitle}</h1>
      <Notice tone="success" role="status">
        <p>{d.doneBody}</p>
      </Notice>
      <div className="actions">
        <ButtonLink href={`/${slug}`}>{d.home}</ButtonLink>
      </div>
    </>
  );
}
