import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW, parseRunsView, runsViewHref, runsViewSearchParams, withView } from "./run-search-params";

describe("parseRunsView", () => {
  it("gives the default view for an empty query: newest first, 25 a page, the standard columns", () => {
    const { view, issues } = parseRunsView({});
    expect(issues).toEqual([]);
    expect(view).toEqual(DEFAULT_VIEW);
    expect(view.sort).toEqual({ id: "started", desc: true });
    expect(view.columns).toEqual(["type", "version", "started", "duration", "accuracy", "f1", "training_loss", "validation_loss", "samples", "feature_set", "live_accuracy"]);
  });

  it("reads every part of a view from Next's searchParams object", () => {
    const { view, issues } = parseRunsView({
      q: " hotfix ",
      f: ["0:type:eq:classifier", "0:accuracy:gte:0.9", "1:hp.optimizer:eq:adam"],
      sort: "hp.learning_rate",
      dir: "asc",
      group: "minor",
      cols: "type,accuracy",
      hp: ["learning_rate", "batch_size"],
      size: "50",
      page: "3",
    });
    expect(issues).toEqual([]);
    expect(view.q).toBe("hotfix");
    expect(view.filter.map((group) => group.map((c) => `${c.field} ${c.op} ${c.value}`))).toEqual([
      ["type eq classifier", "accuracy gte 0.9"],
      ["hp.optimizer eq adam"],
    ]);
    expect(view.sort).toEqual({ id: "hp.learning_rate", desc: false });
    expect(view.group).toBe("minor");
    expect(view.columns).toEqual(["type", "version", "accuracy"]);
    expect(view.hp).toEqual(["learning_rate", "batch_size"]);
    expect(view.size).toBe(50);
    expect(view.page).toBe(3);
  });

  it("sorts a column in its natural first direction when no direction is given", () => {
    expect(parseRunsView({ sort: "training_loss" }).view.sort).toEqual({ id: "training_loss", desc: false });
    expect(parseRunsView({ sort: "accuracy" }).view.sort).toEqual({ id: "accuracy", desc: true });
  });

  it("drops what it cannot read and says so, keeping the rest", () => {
    const { view, issues } = parseRunsView(
      new URLSearchParams("page=0&size=30&sort=password&dir=up&group=owner&cols=type,colour&f=0:accuracy:gte:high&f=0:type:eq:routing&f=junk"),
    );
    expect(view.page).toBe(1);
    expect(view.size).toBe(25);
    expect(view.sort).toEqual({ id: "started", desc: true });
    expect(view.group).toBeNull();
    expect(view.columns).toEqual(["type", "version"]);
    expect(view.filter).toHaveLength(1);
    expect(view.filter[0]!.map((c) => c.value)).toEqual(["routing"]);
    expect(issues).toHaveLength(8);
    expect(issues.join("\n")).toMatch(/Page "0" is not valid/);
    expect(issues.join("\n")).toMatch(/"password" is not a column/);
    expect(issues.join("\n")).toMatch(/accuracy ≥: "high" is not a number/);
    expect(issues.join("\n")).toMatch(/"colour"/);
  });

  it("renumbers filter groups in order of first appearance", () => {
    const { view } = parseRunsView(new URLSearchParams("f=7:type:eq:routing&f=2:type:eq:classifier&f=7:accuracy:gt:0.5"));
    expect(view.filter.map((group) => group.length)).toEqual([2, 1]);
    expect(runsViewSearchParams(view).getAll("f")).toEqual(["0:type:eq:routing", "0:accuracy:gt:0.5", "1:type:eq:classifier"]);
  });
});

describe("runsViewSearchParams", () => {
  it("writes the default view as a bare /runs", () => {
    expect(runsViewHref(DEFAULT_VIEW)).toBe("/runs");
  });

  it("round-trips a view through the URL", () => {
    const query =
      "q=rc&f=0%3Atype%3Aeq%3Aclassifier&f=0%3Aversion%3Arange%3A%3E%3D1.2.0+%3C2.0.0&f=1%3Ahp.optimizer%3Aeq%3Aadam&sort=hp.learning_rate&dir=asc&group=type&cols=type%2Cversion%2Caccuracy&hp=learning_rate&size=100&page=2";
    const { view, issues } = parseRunsView(new URLSearchParams(query));
    expect(issues).toEqual([]);
    expect(runsViewSearchParams(view).toString()).toBe(query);
    expect(parseRunsView(runsViewSearchParams(view)).view).toEqual(view);
  });

  it("goes back to page 1 on any change but the page", () => {
    const view = { ...DEFAULT_VIEW, page: 4 };
    expect(withView(view, { q: "x" }).page).toBe(1);
    expect(withView(view, { page: 5 }).page).toBe(5);
  });
});
