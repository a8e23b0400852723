import type { QueryType } from "./catalog";

/**
 * The latent topics of the demo's users. A topic decides a query's likely type, its typical quality and the
 * templates its (never stored) text is built from; its embedding centroid (lib/seed/embeddings.ts) gives the
 * vectors real cluster structure for k-means to find. Each topic has a few popular queries that many people
 * ask, so some query hashes repeat.
 */
export type Topic = {
  name: string;
  typeWeights: readonly (readonly [QueryType, number])[];
  /** Mean result quality before profile and noise. */
  baseQuality: number;
  templates: readonly string[];
  slots: Readonly<Record<string, readonly string[]>>;
  popular: readonly string[];
};

export const TOPICS: readonly Topic[] = [
  {
    name: "rust-debugging",
    typeWeights: [["code", 0.7], ["reason", 0.2], ["search", 0.1]],
    baseQuality: 0.74,
    templates: [
      "why does the borrow checker reject {thing} in {place}",
      "fix error {code} when {action}",
      "how do I {action} without cloning the {thing}",
      "explain lifetime {lifetime} on {thing} returned from {place}",
      "rust {thing} vs {other} for {place}, which is idiomatic",
    ],
    slots: {
      thing: ["a mutable reference", "the iterator", "Arc<Mutex<T>>", "a boxed trait object", "the HashMap entry", "a String slice"],
      other: ["Rc<RefCell<T>>", "a channel", "an enum", "a Cow<str>", "a generic parameter"],
      place: ["an async fn", "a closure", "a struct impl", "a tokio task", "a trait method", "a match arm"],
      code: ["E0502", "E0499", "E0382", "E0106", "E0277", "E0308"],
      action: ["moving a value into a thread", "borrowing self twice", "returning a reference", "collecting into a Vec", "implementing Display"],
      lifetime: ["'a", "'static", "'_"],
    },
    popular: [
      "How do I fix cannot borrow as mutable more than once in Rust",
      "What does E0382 use of moved value mean",
      "Rust String vs &str when to use which",
    ],
  },
  {
    name: "python-data",
    typeWeights: [["code", 0.6], ["general", 0.2], ["search", 0.2]],
    baseQuality: 0.78,
    templates: [
      "pandas {op} on {data} is slow, how to speed it up",
      "convert {data} to {format} in python",
      "why does {lib} raise {error} when {op}",
      "plot {data} grouped by {column} with {lib}",
      "write a function that {task}",
    ],
    slots: {
      op: ["groupby apply", "merge", "pivot", "rolling mean", "iterrows", "read_csv"],
      data: ["a 2GB CSV", "a nested JSON file", "a parquet dataset", "daily sales data", "sensor readings", "a dataframe with dates"],
      format: ["parquet", "a numpy array", "a dict of lists", "long format", "an Arrow table"],
      lib: ["pandas", "polars", "numpy", "matplotlib", "seaborn", "scikit-learn"],
      error: ["KeyError", "SettingWithCopyWarning", "ValueError: shapes not aligned", "MemoryError", "TypeError"],
      column: ["region", "week", "customer segment", "product"],
      task: ["deduplicates rows by a key", "fills missing dates", "computes a weighted average", "splits train and test by time"],
    },
    popular: [
      "How to read a large CSV in chunks with pandas",
      "pandas SettingWithCopyWarning how to fix",
      "Difference between polars and pandas performance",
    ],
  },
  {
    name: "web-research",
    typeWeights: [["search", 0.8], ["general", 0.2]],
    baseQuality: 0.7,
    templates: [
      "latest news about {subject}",
      "compare {product} and {other} pricing",
      "what changed in {product} {version}",
      "find benchmarks for {product} on {workload}",
      "sources on {subject} from the last month",
    ],
    slots: {
      subject: ["EU AI Act enforcement", "open-weight model licences", "SQLite in production", "WebGPU support", "passkeys adoption"],
      product: ["Postgres", "Next.js", "Bun", "Deno", "Kubernetes", "Terraform"],
      other: ["MySQL", "Remix", "Node.js", "Nomad", "Pulumi"],
      version: ["17", "16", "2.0", "1.30", "5.0"],
      workload: ["ARM servers", "write-heavy workloads", "cold starts", "large monorepos"],
    },
    popular: [
      "What is new in Next.js 16",
      "Postgres vs SQLite for a small web app",
      "Latest news about open source AI models",
    ],
  },
  {
    name: "math-logic",
    typeWeights: [["reason", 0.85], ["general", 0.15]],
    baseQuality: 0.66,
    templates: [
      "prove that {claim}",
      "is this argument valid: {argument}",
      "what is the probability that {event}",
      "solve {equation} step by step",
      "find the flaw in {argument}",
    ],
    slots: {
      claim: ["the square root of 2 is irrational", "there are infinitely many primes", "every tree with n nodes has n-1 edges", "the sum of two odd numbers is even"],
      argument: ["all swans I saw are white so all swans are white", "if it rains the road is wet, the road is wet so it rained", "most experts agree so it is true"],
      event: ["two dice sum to 7", "a random committee has two women", "a test positive means disease given 1% prevalence", "three coin flips give two heads"],
      equation: ["x^2 - 5x + 6 = 0", "2^x = 32", "a system of two linear equations", "a recurrence T(n) = 2T(n/2) + n"],
    },
    popular: [
      "Explain the Monty Hall problem",
      "Prove that the square root of 2 is irrational",
      "What is Bayes theorem with an example",
    ],
  },
  {
    name: "architecture",
    typeWeights: [["reason", 0.6], ["general", 0.2], ["code", 0.2]],
    baseQuality: 0.72,
    templates: [
      "should we use {choice} or {other} for {system}",
      "design {system} that handles {load}",
      "trade-offs of {choice} for {system}",
      "how to migrate {system} from {other} to {choice} without downtime",
      "review this plan: {system} with {choice}",
    ],
    slots: {
      choice: ["event sourcing", "a message queue", "a monolith", "microservices", "SQLite with WAL", "a read replica", "CQRS"],
      other: ["a shared database", "cron jobs", "REST polling", "a single Postgres", "serverless functions"],
      system: ["a telemetry pipeline", "an order service", "a feature store", "a notification system", "a rate limiter", "a search index"],
      load: ["10k requests per second", "bursty writes", "multi-region reads", "a 100x spike on launch day"],
    },
    popular: [
      "Monolith vs microservices for a small team",
      "How to design a rate limiter",
      "When to use event sourcing",
    ],
  },
  {
    name: "devops-shell",
    typeWeights: [["code", 0.5], ["search", 0.3], ["general", 0.2]],
    baseQuality: 0.76,
    templates: [
      "bash one-liner to {task}",
      "{tool} fails with {error} in CI",
      "how to {task} with {tool}",
      "write a {tool} config that {goal}",
      "why is my {tool} build slow on {platform}",
    ],
    slots: {
      task: ["find files larger than 1GB", "rename files by date", "tail logs from all pods", "rotate logs daily", "count unique IPs in a log"],
      tool: ["docker", "kubectl", "GitHub Actions", "terraform", "systemd", "nginx"],
      error: ["permission denied", "exit code 137", "no space left on device", "connection refused", "certificate has expired"],
      goal: ["caches node_modules", "restarts on failure", "serves gzip", "pins versions", "runs nightly"],
      platform: ["macOS", "ARM runners", "Windows WSL", "a small VPS"],
    },
    popular: [
      "How to find which process is using a port on Linux",
      "Docker container exits with code 137",
      "kubectl get logs from all pods with a label",
    ],
  },
  {
    name: "writing-editing",
    typeWeights: [["general", 0.8], ["reason", 0.2]],
    baseQuality: 0.81,
    templates: [
      "rewrite this {piece} to sound more {tone}",
      "summarise {source} in {length}",
      "give feedback on my {piece} for {audience}",
      "draft a {piece} announcing {news}",
      "make this {piece} shorter without losing {aspect}",
    ],
    slots: {
      piece: ["email", "release note", "cover letter", "README intro", "incident report", "blog post"],
      tone: ["friendly", "formal", "confident", "concise"],
      source: ["this meeting transcript", "a 20 page RFC", "the quarterly report", "this research paper"],
      length: ["three bullet points", "one paragraph", "50 words", "a tweet"],
      audience: ["executives", "new engineers", "customers", "a hiring manager"],
      news: ["a new pricing plan", "a planned outage", "our 1.0 release", "a team change"],
      aspect: ["the key numbers", "the call to action", "the tone", "the technical detail"],
    },
    popular: [
      "Summarise this meeting transcript in bullet points",
      "Make this email sound more professional",
      "Write a release note for version 1.0",
    ],
  },
  {
    name: "security-privacy",
    typeWeights: [["search", 0.4], ["reason", 0.4], ["code", 0.2]],
    baseQuality: 0.68,
    templates: [
      "is {practice} safe for {context}",
      "how to protect {asset} against {threat}",
      "explain {concept} in simple terms",
      "check this {artifact} for {threat}",
      "GDPR requirements for {context}",
    ],
    slots: {
      practice: ["storing JWTs in localStorage", "SHA-256 for passwords", "HMAC for pseudonymisation", "CORS with a wildcard", "self-signed certificates"],
      context: ["a public web app", "an internal tool", "telemetry data", "a mobile client", "user analytics"],
      asset: ["API keys", "a login form", "a CI pipeline", "user uploads", "a database backup"],
      threat: ["SQL injection", "CSRF", "credential stuffing", "supply chain attacks", "SSRF"],
      concept: ["differential privacy", "the Laplace mechanism", "zero-knowledge proofs", "OAuth PKCE", "k-anonymity"],
      artifact: ["Dockerfile", "nginx config", "login handler", "dependency list"],
    },
    popular: [
      "What is differential privacy in simple terms",
      "How to store passwords securely",
      "Is it safe to store JWT in localStorage",
    ],
  },
];

/** Short code snippets appended to some code queries (they change length and the has_code feature). */
export const CODE_SNIPPETS: readonly string[] = [
  "`let x = v.iter().map(|a| a * 2).collect::<Vec<_>>();`",
  "`df.groupby('k').apply(lambda g: g.sum())`",
  "```\nfor f in *.log; do gzip \"$f\"; done\n```",
  "`SELECT * FROM t WHERE ts > datetime('now', '-1 day')`",
  "```\nasync fn run() -> Result<()> { todo!() }\n```",
  "`kubectl logs -l app=web --all-containers`",
];
