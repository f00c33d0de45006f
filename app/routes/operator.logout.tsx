import type { ActionFunctionArgs } from "@remix-run/node";
import { signOutOperator } from "~/utils/session.server";

export async function action({ request }: ActionFunctionArgs) {
  return signOutOperator(request);
}
