// The pre-rendered page's parts, without a browser, on made-up schemas and operations of the
// kinds the document may grow: nested and self-referencing objects, allOf and oneOf, arrays of
// objects, named request examples, every response status and the samples panel.
import { loadBundledDocument, type OpenApiDocument } from "@propelauth-openapi/spec";
import { describe, expect, it } from "vitest";
import { operationHtml } from "../src/render/operation.js";
import { schemaHtml, typeLabel } from "../src/render/schema.js";
import { splitSections } from "../src/sections.js";
import { siteView } from "../src/view.js";

const spec = loadBundledDocument();

const components = {
  schemas: {
    Node: {
      type: "object",
      required: ["id"],
      properties: { id: { type: "string", format: "uuid" }, children: { type: "array", items: { $ref: "#/components/schemas/Node" } } },
    },
    Named: { type: "object", required: ["name"], properties: { name: { type: "string", description: "The **name**." } } },
    Both: {
      allOf: [
        { $ref: "#/components/schemas/Named" },
        { type: "object", required: ["size"], properties: { size: { type: "integer", maximum: 9 } } },
      ],
    },
    Either: { oneOf: [{ $ref: "#/components/schemas/Named" }, { type: "string", enum: ["a", "b"] }] },
  },
};

const doc = {
  ...structuredClone(spec),
  components: { ...spec.components, schemas: { ...spec.components?.schemas, ...components.schemas } },
  tags: [{ name: "Things", description: "Things." }],
  paths: {
    "/api/backend/v1/thing": {
      post: {
        operationId: "createThing",
        summary: "Create a <thing>",
        description: "Makes one.",
        tags: ["Things"],
        "x-propelauth-access": { "key-kinds": ["full-access"], permissions: [] },
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: { $ref: "#/components/schemas/Both" },
              examples: {
                small: { summary: "A small one", value: { name: "s", size: 1 } },
                big: { summary: "A big one", value: { name: "b", size: 9 } },
              },
            },
          },
        },
        responses: {
          "201": {
            description: "Created.",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Node" }, example: { id: "x" } } },
          },
          "400": { $ref: "#/components/responses/BadRequest" },
          "409": { description: "Already there.", content: { "text/plain": { schema: { type: "string" }, example: "exists" } } },
        },
      },
    },
  },
} as unknown as OpenApiDocument;

describe("schemaHtml", () => {
  it("folds object arrays out into their own table and names a schema already shown instead of repeating it", () => {
    const html = schemaHtml(doc, { $ref: "#/components/schemas/Node" });
    expect(html).toContain('<code>id</code> <span class="pa-required">required</span>');
    expect(html).toContain("string (uuid)");
    expect(html).toContain("array of Node");
    expect(html).toContain("the same Node as above");
    expect(html.match(/<table/g)?.length).toBe(1);
  });

  it("merges allOf parts with their required fields, and renders Markdown descriptions", () => {
    const html = schemaHtml(doc, { $ref: "#/components/schemas/Both" });
    expect(html).toMatch(/<code>name<\/code> <span class="pa-required">required<\/span>/);
    expect(html).toMatch(/<code>size<\/code> <span class="pa-required">required<\/span>/);
    expect(html).toContain("max 9");
    expect(html).toContain("The <strong>name</strong>.");
  });

  it("lists oneOf variants, each with its own fields", () => {
    const html = schemaHtml(doc, { $ref: "#/components/schemas/Either" });
    expect(html).toContain("one of:");
    expect(html).toContain("<code>name</code>");
    expect(html).toContain("one of <code>&quot;a&quot;</code>, <code>&quot;b&quot;</code>");
    expect(typeLabel(doc, { type: ["string", "null"] })).toBe("string | null");
  });
});

describe("operationHtml", () => {
  const site = siteView(doc);
  const op = site.operations.find((o) => o.op.operationId === "createThing")!;
  const html = operationHtml(site, op);

  it("is a section whose id is the operation's route, with its summary escaped", () => {
    expect(html).toMatch(/^<section class="pa-op" id="\/things\/creatething" data-operation-id="createThing">/);
    expect(html).toContain('<h2 class="pa-heading">Create a &lt;thing&gt;');
  });

  it("shows one tab per named request example, the first shown", () => {
    expect(html).toMatch(/<button type="button" role="tab"[^>]* data-tab="small" aria-selected="true"[^>]*>A small one<\/button>/);
    expect(html).toMatch(/<button type="button" role="tab"[^>]* data-tab="big" aria-selected="false"[^>]*>A big one<\/button>/);
    expect(html).toMatch(/<div role="tabpanel"[^>]* data-tab="big" hidden>/);
  });

  it("shows every response, errors included, with its schema or example", () => {
    for (const status of ["201", "400", "409"]) expect(html).toContain(`data-status="${status}"`);
    expect(html).toContain("exists");
    expect(html).toContain("FieldErrors");
  });

  it("has the samples panel with curl, both TypeScript samples and the payload", () => {
    for (const label of ["curl", "TypeScript client", "TypeScript operation", "Payload"]) expect(html).toContain(`>${label}</button>`);
    expect(html).toContain('<button type="button" class="pa-copy"');
  });
});

describe("splitSections (markdown-it tokens)", () => {
  it("splits at `## ` headings only, not at a `## ` line inside a code block", () => {
    const { preamble, sections } = splitSections("Intro\n\n## One\n\n```sh\n## not a heading\n```\n\n## Two\n\nText\n");
    expect(preamble).toBe("Intro");
    expect(sections.map((s) => s.title)).toEqual(["One", "Two"]);
    expect(sections[0]!.body).toBe("```sh\n## not a heading\n```");
    expect(sections[1]!.body).toBe("Text");
  });
});
