export {};
await (await import("./bench/ingestion")).benchIngestion();
