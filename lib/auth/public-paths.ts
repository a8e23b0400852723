/** Pages anyone may open, signed in or not: signing in, the one-time first-admin setup. */
export const PUBLIC_PAGES = ["/sign-in", "/setup"] as const;

export const isPublicPath = (pathname: string) =>
  PUBLIC_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`)) || pathname === "/sign-out";

/** Route handlers answer for themselves through apiV1 (JSON 401/403 for API clients), so the proxy lets them through. */
export const isApiPath = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");
