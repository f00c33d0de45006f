import { notFound } from "~/utils/municipality.server";

/**
 * Any address no other route matches: a 404 from a loader, so that the root loader runs too
 * and the root ErrorBoundary shows "not found" in the language and text size the person chose
 * (without a match Remix renders it with no loader data, always in Japanese).
 */
export async function loader() {
  notFound();
}

/** Never rendered (the loader always throws); it makes this a page route, not a resource route. */
export default function NotFound() {
  return null;
}
