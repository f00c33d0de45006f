/** Numbers as staff type them on settings pages (the rule lives in the domain, shared with CSV imports). */
export { parseWholeNumber as wholeNumber } from "~/domain/numbers";
