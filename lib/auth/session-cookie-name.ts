/** The session cookie's name, shared by the proxy, the API and the pages (session-cookie.ts sets it). */
export const SESSION_COOKIE = "rall_session";
