// Where a published page disagrees about who may call an operation, the "Who can call this" note
// says so: the page, what it says, what the document decided and why.
import { listOperations, loadBundledDocument } from "@propelauth-openapi/spec";
import { describe, expect, it } from "vitest";
import { accessHtml } from "../src/access.js";
import { accessDisagreements, accessDisagreementsHtml } from "../src/render/access-disagreements.js";

const doc = loadBundledDocument();
const operations = listOperations(doc);
const op = (id: string) => operations.find((o) => o.operationId === id)!.operation;

describe("access disagreements", () => {
  it("Fetch an employee's note shows the scoped-keys post, the document's decision and why", () => {
    const html = accessHtml(doc, op("fetchEmployee"));
    expect(html).toContain("Where published sources disagree");
    expect(html).toContain('href="https://www.propelauth.com/post/scoped-backend-api-keys"');
    expect(html).toContain("can call APIs that read data");
    expect(html).toContain("<strong>This document:</strong> Full Access, or Custom with Read Employees");
    expect(html).toContain("Why: PropelAuth&#39;s API reference (Getting Started)");
  });

  it("every operation with disagreements shows each one; the others show none", () => {
    for (const { operationId, operation } of operations) {
      const html = accessHtml(doc, operation);
      const count = accessDisagreements(operation).length;
      expect(html.split('class="pa-disagreement"').length - 1, operationId).toBe(count);
      if (count === 0) expect(accessDisagreementsHtml(operation), operationId).toBe("");
    }
    expect(operations.filter((o) => accessDisagreements(o.operation).length > 0).length).toBeGreaterThanOrEqual(6);
  });
});
