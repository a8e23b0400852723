/** The sidebar's entries as the issue specifies them: label (also the page heading) and path, in order. */
export const SECTIONS = [
  { label: "Overview", path: "/" },
  { label: "Runs", path: "/runs" },
  { label: "Predictions", path: "/predictions" },
  { label: "A/B tests", path: "/ab-tests" },
  { label: "Features", path: "/features" },
  { label: "Telemetry", path: "/telemetry" },
  { label: "Privacy", path: "/privacy" },
  { label: "Schema", path: "/schema" },
  { label: "API", path: "/api-reference" },
] as const;
