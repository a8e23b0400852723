import { test as base, expect } from "@playwright/test";

type Fixtures = {
  /** Console errors matching this are expected by the test (a 404 page logs its 404). */
  allowedConsoleError: RegExp | undefined;
  consoleErrors: string[];
};

/** The Playwright test with a guard: any console error or uncaught page error fails the test. */
export const test = base.extend<Fixtures>({
  allowedConsoleError: [undefined, { option: true }],
  consoleErrors: [
    async ({ page, allowedConsoleError }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        // A failed resource's message names only its status; its location names the resource.
        const resource = message.location().url;
        const text = `${message.text()} (${page.url()}${resource && resource !== page.url() ? `, resource ${resource}` : ""})`;
        if (!allowedConsoleError?.test(text)) errors.push(text);
      });
      page.on("pageerror", (error) => errors.push(`Uncaught: ${error.message} (${page.url()})`));
      await use(errors);
      expect(errors, "console errors and page errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
