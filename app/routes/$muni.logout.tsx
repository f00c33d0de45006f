import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireMunicipality } from "~/utils/municipality.server";
import { signOut } from "~/utils/session.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  return { slug: municipality.slug };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  return signOut(request, `/${municipality.slug}`);
}

export default function Logout() {
  const { slug } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>ログアウトしますか？</h1>
      <form method="post">
        <div className="actions">
          <button type="submit" className="button">
            ログアウトする
          </button>
          <a href={`/${slug}`}>ログアウトしないで戻る</a>
        </div>
      </form>
    </>
  );
}
