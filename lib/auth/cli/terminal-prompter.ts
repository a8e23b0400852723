import readline from "node:readline";
import type { Prompter } from "./create-admin";

/** Questions on the terminal (stderr, so stdout stays clean); hidden answers echo nothing. */
export function terminalPrompter(): Prompter {
  const question = (text: string, hidden: boolean) =>
    new Promise<string>((resolve) => {
      const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
      if (hidden) {
        // readline echoes through _writeToOutput: keep the prompt, drop the typed characters.
        const output = rl as unknown as { _writeToOutput: (s: string) => void };
        output._writeToOutput = (s: string) => {
          if (s.includes(text)) process.stderr.write(text);
          else if (s.includes("\n") || s.includes("\r")) process.stderr.write("\n");
        };
      }
      rl.question(text, (answer) => {
        rl.close();
        resolve(answer);
      });
    });
  return {
    ask: (text) => question(text, false),
    askHidden: (text) => question(text, true),
    readStdinLine: async () => {
      const rl = readline.createInterface({ input: process.stdin });
      for await (const line of rl) {
        rl.close();
        return line;
      }
      return "";
    },
  };
}
