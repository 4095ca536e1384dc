"use client";

import { useEffect, useState } from "react";

/**
 * Whether the console is in dark mode: follows the `dark` class the theme toggle sets on
 * <html>, so widgets that paint themselves (CodeMirror, the workflow graph) switch with the page.
 */
export function useDarkMode(): boolean {
  const [dark, setDark] = useState(false);
  useEffect(() => {
    const root = document.documentElement;
    const read = () => setDark(root.classList.contains("dark"));
    read();
    const observer = new MutationObserver(read);
    observer.observe(root, { attributes: true, attributeFilter: ["class"] });
    return () => observer.disconnect();
  }, []);
  return dark;
}
