"use client";

import { useEffect, useState } from "react";

/** The value after it has stopped changing for `ms` (previews call the server once per pause, not per keystroke). */
export function useDebounced<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}
