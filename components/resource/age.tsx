"use client";

import { useEffect, useState } from "react";

/**
 * kubectl's AGE format (apimachinery duration.HumanDuration): "45s", "5m", "3h20m", "4d",
 * "2y30d". `now` is injected so the function stays pure and testable.
 */
export function formatAge(timestamp: string | undefined, now: number = Date.now()): string {
  if (!timestamp) return "<unknown>";
  const t = Date.parse(timestamp);
  if (Number.isNaN(t)) return "<invalid>";
  const seconds = Math.floor((now - t) / 1000);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return hours % 24 === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${hours % 24}h`;
  const days = Math.floor(hours / 24);
  if (days < 365 * 2) return `${days}d`;
  const years = Math.floor(days / 365);
  if (years < 8) return days % 365 === 0 ? `${years}y` : `${years}y${days % 365}d`;
  return `${years}y`;
}

/** A live age label with the exact timestamp in a <time> element (hover or screen reader). */
export function Age({ timestamp }: { timestamp: string | undefined }) {
  const [now, setNow] = useState<number | undefined>(undefined);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 10_000);
    return () => clearInterval(timer);
  }, []);
  // Rendered on the server without a clock to keep hydration stable; the client fills it in.
  return (
    <time dateTime={timestamp} title={timestamp}>
      {now === undefined ? "" : formatAge(timestamp, now)}
    </time>
  );
}
