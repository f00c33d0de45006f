import { pageCursorOf, parseTypedDate, residentQueryOf } from "~/domain/application-search";
import type { ApplicationSearch, Place } from "~/services/application-search.server";
import { wholeNumber } from "./numbers.server";

export type SearchField = "number" | "resident" | "from" | "to" | "place";
export type SearchProblem = "number" | "PHONE_LENGTH" | "TOO_LONG" | "date" | "range" | "place";

/** The form's fields as typed, so that a refused search shows them again. */
export type SearchValues = Record<SearchField, string>;

/** "facility:<id>" or "room:<id>" from the place list; "" is every facility. */
function placeOf(value: string): Place | null | "BAD" {
  if (!value) return null;
  const [kind, id] = [value.slice(0, value.indexOf(":")), value.slice(value.indexOf(":") + 1)];
  if (!id || id.length > 100) return "BAD";
  if (kind === "facility") return { facilityId: id };
  if (kind === "room") return { roomId: id };
  return "BAD";
}

/**
 * The staff search form (a GET form: its fields are the URL's query). Full-width digits are
 * accepted everywhere; each bad field gets a problem, and nothing is searched.
 */
export function parseApplicationSearch(params: URLSearchParams):
  | { ok: true; search: ApplicationSearch; values: SearchValues }
  | { ok: false; problems: Partial<Record<SearchField, SearchProblem>>; values: SearchValues } {
  const values: SearchValues = {
    number: params.get("number")?.trim() ?? "",
    resident: params.get("resident") ?? "",
    from: params.get("from")?.trim() ?? "",
    to: params.get("to")?.trim() ?? "",
    place: params.get("place") ?? "",
  };
  const problems: Partial<Record<SearchField, SearchProblem>> = {};
  const typedNumber = values.number ? wholeNumber(values.number) : null;
  if (values.number && (typedNumber === null || typedNumber <= 0 || typedNumber >= 2 ** 31)) problems.number = "number";
  const resident = residentQueryOf(values.resident);
  if (typeof resident === "string") problems.resident = resident;
  const from = values.from ? parseTypedDate(values.from) : null;
  const to = values.to ? parseTypedDate(values.to) : null;
  if (values.from && !from) problems.from = "date";
  if (values.to && !to) problems.to = "date";
  else if (from && to && to < from) problems.to = "range";
  const place = placeOf(values.place);
  if (place === "BAD") problems.place = "place";
  if (Object.keys(problems).length > 0) return { ok: false, problems, values };
  return {
    ok: true,
    values,
    search: {
      number: typedNumber,
      resident: resident as Exclude<typeof resident, string>,
      from,
      to,
      place: place as Place | null,
      cursor: pageCursorOf(params.get("before"), params.get("after")),
    },
  };
}
