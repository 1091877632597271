import { useState } from "react";

/** True from the first time `value` is true (an overlay stays mounted once loaded, a list once shown). */
export function useEver(value: boolean): boolean {
  const [ever, setEver] = useState(value);
  if (value && !ever) setEver(true);
  return ever || value;
}
