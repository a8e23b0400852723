import {
  AbTestsIcon,
  ApiIcon,
  FeaturesIcon,
  OverviewIcon,
  PredictionsIcon,
  PrivacyIcon,
  RunsIcon,
  SchemaIcon,
  TelemetryIcon,
  type IconComponent,
} from "./icons";

/** The sections besides Overview. */
export type SectionHref = "/runs" | "/predictions" | "/ab-tests" | "/features" | "/telemetry" | "/privacy" | "/schema" | "/api-reference";

export type NavItem = {
  href: "/" | SectionHref;
  label: string;
  icon: IconComponent;
  /** One line on what the section shows. */
  summary: string;
};

/** The sections of the dashboard, in sidebar order. A page's heading is its label. */
export const NAV_ITEMS: readonly NavItem[] = [
  {
    href: "/",
    label: "Overview",
    icon: OverviewIcon,
    summary: "How the learning loop is doing now: training, live accuracy, A/B tests and query volume.",
  },
  {
    href: "/runs",
    label: "Runs",
    icon: RunsIcon,
    summary: "Every training run with its hyperparameters, training metrics and live accuracy side by side.",
  },
  {
    href: "/predictions",
    label: "Predictions",
    icon: PredictionsIcon,
    summary: "Model predictions against ground truth: accuracy, calibration and where each version goes wrong.",
  },
  {
    href: "/ab-tests",
    label: "A/B tests",
    icon: AbTestsIcon,
    summary: "Head-to-head tests between model versions, with intervals, p-values and the recorded decision.",
  },
  {
    href: "/features",
    label: "Features",
    icon: FeaturesIcon,
    summary: "The feature vectors and embeddings behind training, and which features carry signal.",
  },
  {
    href: "/telemetry",
    label: "Telemetry",
    icon: TelemetryIcon,
    summary: "Privacy-first query telemetry: volume, latency, tools, reasoning traces and feedback over time.",
  },
  {
    href: "/privacy",
    label: "Privacy",
    icon: PrivacyIcon,
    summary: "Consent records and redactions, so every stored row has a basis and no raw PII is kept.",
  },
  {
    href: "/schema",
    label: "Schema",
    icon: SchemaIcon,
    summary: "The migrated database: tables, views, constraints and indexes.",
  },
  {
    href: "/api-reference",
    label: "API",
    icon: ApiIcon,
    summary: "The ingestion API: how training and serving code write runs, predictions, ground truth and outcomes.",
  },
];

export function navItem(href: NavItem["href"]): NavItem {
  const item = NAV_ITEMS.find((entry) => entry.href === href);
  if (!item) throw new Error(`No navigation entry for ${href}`);
  return item;
}

/** Whether `href` is the current section: exact for Overview, otherwise the section or a page inside it. */
export function isActiveSection(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}

export const SECTION_ITEMS = NAV_ITEMS.filter((item): item is NavItem & { href: SectionHref } => item.href !== "/");
