import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PpppptError } from "../errors.js";
import {
  countResult,
  emptyCounts,
  JunitReader,
  ReportDecoder,
  readJunitText,
  readSeconds,
  readTimestamp,
  type TestResult,
} from "./junit.js";

function counts(text: string) {
  const c = emptyCounts();
  for (const r of readJunitText(text, "r.xml").results) countResult(c, r);
  return c;
}

function rejection(text: string): PpppptError {
  try {
    readJunitText(text, "bad.xml");
  } catch (error) {
    if (error instanceof PpppptError) return error;
    throw error;
  }
  throw new Error("accepted");
}

describe("JunitReader", () => {
  it("counts per testcase element, exclusively, whatever the declared counts", () => {
    const xml = `<?xml version="1.0"?>
<testsuites tests="99"><testsuite name="outer" tests="7"><testsuite name="inner">
<testcase classname="A" name="f"><failure/><error/><rerunFailure/></testcase>
<testcase classname="A" name="e"><error/><skipped/></testcase>
<testcase classname="A" name="s"><skipped/></testcase>
<testcase classname="A" name="r" time="1,234.5"><flakyFailure/><flakyError/></testcase>
<testcase classname="A" name="p" time="-2"><system-out><![CDATA[<testcase/>]]></system-out></testcase>
<testcase classname="A" name="p" time="&lt;&lt;computed&gt;&gt;"/>
</testsuite></testsuite></testsuites><!-- a comment after the root -->`;
    expect(counts(xml)).toEqual({
      tests: 6,
      failures: 1,
      errors: 1,
      skipped: 1,
      flaky: 1,
      time: 1232.5,
    });
    const results = readJunitText(xml, "r.xml").results;
    expect(results[0]).toMatchObject({ suite: "outer › inner", outcome: "failed", reruns: 1 });
    expect(results[3]).toMatchObject({ outcome: "flaky", reruns: 2, time: 1234.5 });
  });

  it("reads a bare testsuite root and an empty testsuites as zero tests", () => {
    expect(counts('<testsuite name="x"><testcase name="t"/></testsuite>').tests).toBe(1);
    expect(counts("<testsuites/>")).toEqual(emptyCounts());
  });

  it("only direct children decide the outcome; nested testcases count on their own", () => {
    const xml =
      "<testsuite><testcase name='a'><x><failure/></x><testcase name='b'><skipped/></testcase></testcase></testsuite>";
    const outcomes = readJunitText(xml, "r.xml").results.map((r) => `${r.name}:${r.outcome}`);
    expect(outcomes).toEqual(["b:skipped", "a:passed"]);
  });

  it("rejects what is not well-formed, with the line", () => {
    const unclosed = rejection('<testsuite>\n<testcase name="a">\n<failure><![CDATA[boom');
    expect(unclosed.file).toBe("bad.xml");
    expect(unclosed.line).toBe(3);
    expect(rejection("<testsuite>\n\u001b[31mred</testsuite>").line).toBe(2);
    expect(rejection("this is not xml").message).toMatch(/not well-formed/);
    expect(rejection("").message).toMatch(/root element/);
    expect(rejection("<a>&nbsp;</a>").message).toMatch(/not well-formed/);
  });

  it("decodes UTF-8 with a BOM and UTF-16 by its byte-order mark", () => {
    const text = '<testsuite name="é"><testcase name="t"/></testsuite>';
    for (const bytes of [
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]),
      new Uint8Array([0xff, 0xfe, ...Buffer.from(text, "utf16le")]),
    ]) {
      const d = new ReportDecoder();
      let out = "";
      for (const b of bytes) out += d.decode(new Uint8Array([b]));
      out += d.end();
      expect(out).toBe(text);
    }
  });

  it("parses the same results however the text is cut into pieces (property)", () => {
    const testcase = fc.record({
      name: fc.string({ unit: "grapheme-ascii", maxLength: 8 }),
      child: fc.constantFrom("", "<failure/>", "<error/>", "<skipped/>", "<flakyFailure/>"),
      time: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: undefined }),
    });
    const escapeXml = (s: string) =>
      s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
    fc.assert(
      fc.property(
        fc.array(testcase, { maxLength: 12 }),
        fc.integer({ min: 1, max: 40 }),
        (cases, cut) => {
          const xml = `<testsuites><testsuite name="s">${cases
            .map(
              (c) =>
                `<testcase name="${escapeXml(c.name)}"${c.time === undefined ? "" : ` time="${c.time}"`}>${c.child}</testcase>`,
            )
            .join("\n")}</testsuite></testsuites>`;
          const results: TestResult[] = [];
          const reader = new JunitReader("p.xml", (r) => results.push(r));
          for (let i = 0; i < xml.length; i += cut) reader.write(xml.slice(i, i + cut));
          reader.close();
          expect(results.map((r) => r.name)).toEqual(cases.map((c) => c.name));
          const c = emptyCounts();
          for (const r of results) countResult(c, r);
          expect(c.tests).toBe(cases.length);
          expect(c.failures).toBe(cases.filter((x) => x.child === "<failure/>").length);
          expect(c.flaky).toBe(cases.filter((x) => x.child === "<flakyFailure/>").length);
        },
      ),
    );
  });

  it("never accepts a truncated report (property)", () => {
    const xml =
      '<testsuites><testsuite name="s"><testcase name="a"><failure message="x"/></testcase></testsuite></testsuites>';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: xml.length - 1 }), (end) => {
        expect(() => readJunitText(xml.slice(0, end), "t.xml")).toThrow(PpppptError);
      }),
    );
  });
});

describe("readSeconds", () => {
  it("reads thousands separators, exponents and negatives; not numbers are null", () => {
    expect(readSeconds("14,029.255")).toBe(14029.255);
    expect(readSeconds("1e-3")).toBe(0.001);
    expect(readSeconds("-345245")).toBe(-345245);
    expect(readSeconds("<<computed>>")).toBeNull();
    expect(readSeconds("")).toBeNull();
    expect(readSeconds("1,2")).toBeNull();
  });

  it("reads back any finite number it is given (property)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(readSeconds(String(n))).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});

describe("readTimestamp", () => {
  it("reads the forms reports use", () => {
    expect(readTimestamp("2026-04-11T19:11:05 IST")).toBe("2026-04-11T13:41:05.000Z");
    expect(readTimestamp("Tue, 04 Jun 2019 23:30:02 GMT")).toBe("2019-06-04T23:30:02.000Z");
    expect(readTimestamp("2022-07-22T18:33:32.099000")).toBe("2022-07-22T18:33:32.099Z");
    expect(readTimestamp("2020-01-01T10:00:00+0200")).toBe("2020-01-01T08:00:00.000Z");
    expect(readTimestamp("0001-01-01T00:00:00Z")).toBeUndefined();
    expect(readTimestamp("yesterday")).toBeUndefined();
  });
});
