import { useEffect, useState } from "react";

/**
 * A field's state that starts from what the person did on the page before its script ran
 * (typed text, a choice ticked on a slow phone), so the script never puts the server's value
 * back over it. `readPage` reads the form control(s) once, when the field starts.
 */
export function useStateFromPage<T>(initial: T, readPage: () => T | undefined) {
  const [value, setValue] = useState(initial);
  useEffect(() => {
    const onPage = readPage();
    if (onPage !== undefined && JSON.stringify(onPage) !== JSON.stringify(initial)) setValue(onPage);
  }, []);
  return [value, setValue] as const;
}
