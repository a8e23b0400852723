import { describe, expect, it } from "vitest";
import { lengthBand, qualityByGroup, rankFeatures, type ImportanceRow } from "./importance";

// Six labelled rows: "profile" splits them a:(1,1,0) b:(1,0,0), the 2×2 table [[2,1],[1,2]] whose mutual
// information is 0.081704 bits (worked by hand in mutual-information.test.ts); "copy" equals the label, so it
// carries all of H(label) = 1 bit; "constant" carries none.
const rows: ImportanceRow[] = [
  { features: { profile: "a", copy: 1, constant: 7 }, quality: 0.9, label: 1 },
  { features: { profile: "a", copy: 1, constant: 7 }, quality: 0.8, label: 1 },
  { features: { profile: "a", copy: 0, constant: 7 }, quality: 0.3, label: 0 },
  { features: { profile: "b", copy: 1, constant: 7 }, quality: 0.7, label: 1 },
  { features: { profile: "b", copy: 0, constant: 7 }, quality: 0.2, label: 0 },
  { features: { profile: "b", copy: 0, constant: 7 }, quality: 0.1, label: 0 },
];

describe("rankFeatures", () => {
  it("ranks features by mutual information with the label, in bits", () => {
    const ranking = rankFeatures(rows);
    expect(ranking.map((r) => r.feature)).toEqual(["copy", "profile", "constant"]);
    expect(ranking[0]!.labelBits).toBeCloseTo(1, 10);
    expect(ranking[0]!.labelShare).toBeCloseTo(1, 10);
    expect(ranking[1]!.labelBits).toBeCloseTo(0.081704, 6);
    expect(ranking[2]!.labelBits).toBe(0);
  });

  it("measures information about quality bands: copy splits {0.9, 0.8, 0.7} from {0.3, 0.2, 0.1}", () => {
    // Quality bands of 0.2: 0.9 → 4, 0.8 → 4, 0.7 → 3, 0.3 → 1, 0.2 → 1, 0.1 → 0; H(band) = −(2·(1/3)log2(1/3) + 2·(1/6)log2(1/6))
    //   = 1.918296 bits. "copy" determines the band's half: I = H(band) − H(band | copy) = 1.918296 − 0.918296 = 1 bit.
    const copy = rankFeatures(rows).find((r) => r.feature === "copy")!;
    expect(copy.qualityBits).toBeCloseTo(1, 6);
  });

  it("treats a feature absent from some vectors as missing there", () => {
    const withNew = [...rows.slice(0, 3).map((row) => ({ ...row, features: { ...row.features, has_code: true } })), ...rows.slice(3)];
    const hasCode = rankFeatures(withNew).find((r) => r.feature === "has_code")!;
    expect(hasCode.present).toBe(3);
    expect(hasCode.kind).toBe("categorical");
    // present/missing splits like profile does: the same 0.081704 bits.
    expect(hasCode.labelBits).toBeCloseTo(0.081704, 6);
  });
});

describe("qualityByGroup", () => {
  it("gives each group's mean quality with a t interval and its positive rate with a Wilson interval", () => {
    const groups = qualityByGroup(rows, (row) => String(row.features.profile));
    expect(groups.map((g) => g.group)).toEqual(["a", "b"]);
    const a = groups[0]!;
    // Mean of 0.9, 0.8, 0.3 = 0.666667; s = √((0.054444 + 0.017778 + 0.134444)/2) = 0.321455;
    // half width t(0.975, 2)·s/√3 = 4.302653 · 0.185592 = 0.798536, so (−0.131869, 1.465203), clipped to quality's [0, 1].
    expect(a.quality!.mean).toBeCloseTo(0.666667, 6);
    expect([a.quality!.lower, a.quality!.upper]).toEqual([0, 1]);
    expect(a.positiveRate).toBeCloseTo(2 / 3, 10);
    // Wilson 95% for 2 of 3 by hand: centre (2/3 + 0.640277)/2.280518 = 0.573099, half width
    // (1.959964/2.280518)·√(0.074074 + 0.106714) = 0.365371, so (0.2077, 0.9385).
    expect(a.positiveInterval!.lower).toBeCloseTo(0.2077, 4);
    expect(a.positiveInterval!.upper).toBeCloseTo(0.9385, 4);
  });
});

describe("lengthBand", () => {
  it("puts lengths in bands by their lower bound", () => {
    expect([0, 49, 50, 199, 200, 500, 4000].map(lengthBand)).toEqual(["0–49", "0–49", "50–99", "100–199", "200–499", "500+", "500+"]);
  });
});
