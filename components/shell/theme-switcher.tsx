"use client";

import { useSyncExternalStore } from "react";
import { MonitorIcon, MoonIcon, SunIcon, type IconComponent } from "./icons";
import styles from "./theme-switcher.module.css";
import { applyTheme, readStoredTheme, subscribeToTheme, type Theme } from "./theme";

const OPTIONS: { value: Theme; label: string; icon: IconComponent }[] = [
  { value: "light", label: "Light", icon: SunIcon },
  { value: "dark", label: "Dark", icon: MoonIcon },
  { value: "system", label: "System", icon: MonitorIcon },
];

/** Native radio buttons, so Tab reaches the group and the arrow keys move the choice. */
export function ThemeSwitcher() {
  const theme = useSyncExternalStore(subscribeToTheme, readStoredTheme, () => "system" as const);
  return (
    <fieldset className={styles.switcher}>
      <legend className="visually-hidden">Theme</legend>
      {OPTIONS.map(({ value, label, icon: Icon }) => (
        <label key={value} className={styles.option} title={`${label} theme`}>
          <input
            type="radio"
            name="theme"
            value={value}
            checked={theme === value}
            onChange={() => applyTheme(value)}
            className={styles.input}
          />
          <Icon />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}
