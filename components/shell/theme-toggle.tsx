"use client";

import { Button } from "@/components/ui/button";

export function ThemeToggle() {
  function toggle() {
    const dark = document.documentElement.classList.toggle("dark");
    try {
      localStorage.setItem("flotilla-theme", dark ? "dark" : "light");
    } catch {
      // storage may be unavailable (private mode); the toggle still works for this page
    }
  }
  return (
    <Button variant="ghost" onClick={toggle} aria-label="Toggle dark mode">
      ◐
    </Button>
  );
}
