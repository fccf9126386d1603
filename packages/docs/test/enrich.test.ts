// The enrichment of the document: "Who can call this" from x-propelauth-access, code samples and
// the generated introduction, on the real document and on made-up operations of the kinds the
// document may grow (DELETE with a body, text and empty answers, oneOf bodies, field permissions).
import { createValidator, listOperations, loadBundledDocument, type OpenApiDocument, type OperationObject } from "@propelauth-openapi/spec";
import { describe, expect, it } from "vitest";
import { accessHtml, accessOf, UNCONFIRMED } from "../src/access.js";
import { changelogMarkdown, parseChangeset } from "../src/changelog.js";
import { exampleRequest } from "../src/examples.js";
import { operationFacts } from "../src/facts.js";
import { introduction, pagedOperations, releaseLine, splitSections } from "../src/intro-markdown.js";
import { operationHref } from "../src/routes.js";
import { clientSample, curlSample } from "../src/samples.js";
import { tagGroups } from "../src/view.js";
import { enrich } from "./support.js";

const spec = loadBundledDocument();
const ops = listOperations(spec);

describe("the real document", () => {
  const before = JSON.stringify(spec);
  const site = enrich(spec);
  const siteOps = listOperations(site);

  it("is not modified by the enrichment", () => {
    expect(JSON.stringify(spec)).toBe(before);
  });

  it("keeps every operation, parameter, body and response (errors included)", () => {
    expect(siteOps.map((op) => op.operationId)).toEqual(ops.map((op) => op.operationId));
    for (const [i, op] of siteOps.entries()) {
      expect(op.operation.responses).toEqual(ops[i]!.operation.responses);
      expect(op.operation.requestBody).toEqual(ops[i]!.operation.requestBody);
      expect(op.parameters).toEqual(ops[i]!.parameters);
    }
  });

  it.each(siteOps.map((op) => [op.operationId, op] as const))("%s: description keeps the original and adds who can call it", (_id, op) => {
    const original = ops.find((o) => o.operationId === op.operationId)!.operation;
    const description = op.operation.description;
    expect(description.startsWith(original.description.trim())).toBe(true);
    expect(description).toContain(`<div class="pa-access" data-operation-id="${op.operationId}">`);
    expect(description).toContain("Who can call this");
    const access = original["x-propelauth-access"];
    const kinds = spec.info["x-propelauth-key-kinds"];
    for (const [id, kind] of Object.entries(kinds)) {
      const allowed = access["key-kinds"].includes(id);
      expect(description).toContain(`data-kind="${id}" data-allowed="${allowed}"`);
      expect(description).toContain(kind.name);
    }
    const ids = [...access.permissions, ...(access["field-permissions"] ?? []).flatMap((f) => f.permissions)];
    for (const id of ids) {
      const permission = spec.info["x-propelauth-permissions"][id]!;
      expect(description).toContain(`data-permission="${id}">${permission.name}</span>`);
    }
    const unconfirmed = ids.some((id) => !spec.info["x-propelauth-permissions"][id]!.confirmed);
    expect(description.includes(UNCONFIRMED)).toBe(unconfirmed);
    for (const field of (access["field-permissions"] ?? []).flatMap((f) => f.fields))
      expect(description).toContain(`<code>${field}</code>`);
  });

  it.each(siteOps.map((op) => [op.operationId, op] as const))(
    "%s: has curl, TypeScript client and TypeScript operation samples with its example request",
    (_id, op) => {
      const samples = op.operation["x-codeSamples"] as { lang: string; label: string; source: string }[];
      expect(samples.map((s) => s.label)).toEqual(["curl", "TypeScript client", "TypeScript operation"]);
      const [curl, client, named] = samples;
      expect(named!.source).toContain(`import { createClient, ${op.operationId} } from "@propelauth-openapi/client";`);
      expect(named!.source).toContain(`const result = await ${op.operationId}(client`);
      expect(curl!.source).toMatch(/^curl /);
      expect(curl!.source).toContain('"$PROPELAUTH_AUTH_URL/');
      expect(curl!.source).toContain('-H "Authorization: Bearer $PROPELAUTH_API_KEY"');
      expect(client!.source).toContain('import { createClient } from "@propelauth-openapi/client";');
      expect(client!.source).toContain(`await client.${op.method.toUpperCase()}(${JSON.stringify(op.path)}`);
      expect(client!.source).toContain("authUrl: process.env.PROPELAUTH_AUTH_URL!");
      expect(client!.source).toContain("apiKey: process.env.PROPELAUTH_API_KEY!");
    },
  );

  it("every example request is valid for the document", () => {
    const validator = createValidator(spec);
    const problems = ops.flatMap((op) => {
      const request = exampleRequest(spec, op);
      const query = new URLSearchParams();
      for (const [name, value] of Object.entries(request.query)) for (const v of [value].flat()) query.append(name, String(v));
      const pathParams = Object.fromEntries(Object.entries(request.pathParams).map(([k, v]) => [k, String(v)]));
      const checked = validator.validateRequest(op, { pathParams, query, body: request.body?.value });
      return checked.ok ? [] : [`${op.operationId}: ${JSON.stringify(checked.errors)}`];
    });
    expect(problems).toEqual([]);
  });

  it("groups every tag that has operations exactly once in x-tagGroups", () => {
    const used = new Set(ops.flatMap((op) => op.operation.tags));
    const grouped = tagGroups(spec).flatMap((g) => g.tags);
    expect(grouped.sort()).toEqual([...used].sort());
    expect((site as unknown as { "x-tagGroups": unknown })["x-tagGroups"]).toEqual(tagGroups(spec));
  });

  it("shows server descriptions as plain text (the renderer prints them raw): no Markdown backticks", () => {
    expect(JSON.stringify(spec.servers)).toContain("`");
    for (const [i, server] of (site.servers ?? []).entries()) {
      expect(server.description).not.toContain("`");
      expect(server.description).toBe(spec.servers![i]!.description!.replaceAll("`", ""));
      for (const variable of Object.values(server.variables ?? {})) expect(variable.description ?? "").not.toContain("`");
    }
  });

  it("names every operation by its operationId and its official SDK functions, for search", () => {
    for (const op of siteOps) {
      expect(op.operation.description).toContain(`Operation ID <code>${op.operationId}</code>`);
      for (const names of Object.values((op.operation["x-propelauth-sdk"] ?? {}) as Record<string, string[]>)) {
        for (const name of names) expect(op.operation.description, op.operationId).toContain(`<code>${name}</code>`);
      }
    }
  });

  it("generates the introduction sections in order, keeping the document's own text", () => {
    const { preamble, sections } = splitSections(site.info.description);
    expect(preamble).toBe(`${releaseLine(spec.info.version)}\n\n${splitSections(spec.info.description).preamble}`);
    const titles = sections.map((s) => s.title);
    const wanted = [
      "Authentication",
      "Environments and base URLs",
      "Key kinds and permissions",
      "Permission matrix",
      "End-user API keys",
      "Pagination",
      "Errors and rate limits",
      "Changelog",
    ];
    expect(titles.filter((t) => wanted.includes(t))).toEqual(wanted);
    for (const original of splitSections(spec.info.description).sections) {
      expect(sections.find((s) => s.title === original.title)?.body.startsWith(original.body)).toBe(true);
    }
    const text = site.info.description;
    expect(text).toContain("export PROPELAUTH_AUTH_URL=");
    expect(text).toContain("`authUrl`");
    expect(text).toContain("`apiKey`");
    for (const kind of Object.values(spec.info["x-propelauth-key-kinds"])) expect(text).toContain(`**${kind.name}**`);
    for (const permission of Object.values(spec.info["x-propelauth-permissions"])) expect(text).toContain(`**${permission.name}**`);
  });

  it("has a permission-matrix row for every operation, marking exactly its key kinds", () => {
    const matrix = splitSections(site.info.description).sections.find((s) => s.title === "Permission matrix")!.body;
    for (const op of ops) {
      const row = new RegExp(`<tr data-operation-id="${op.operationId}">(.*?)</tr>`).exec(matrix)?.[1];
      expect(row, op.operationId).toBeDefined();
      expect(row).toContain(`href="${operationHref(op)}"`);
      for (const kind of accessOf(spec, op.operation).kinds) {
        expect(row).toContain(`<td class="${kind.allowed ? "pa-yes" : "pa-no"}" data-kind="${kind.id}">`);
      }
    }
  });

  it("lists every paginated operation and every error status", () => {
    const sections = splitSections(site.info.description).sections;
    const pagination = sections.find((s) => s.title === "Pagination")!.body;
    for (const op of ops.filter((o) => o.parameters.some((p) => p.name === "page_number"))) expect(pagination).toContain(operationHref(op));
    // Page parameters in a JSON body, and prefixed ones (a group's members), count too.
    const paged = pagedOperations(spec, ops).map((p) => p.op.operationId);
    if (ops.some((o) => o.operationId === "queryOrgsByPost")) expect(paged).toContain("queryOrgsByPost");
    if (ops.some((o) => o.operationId === "fetchScimGroup")) expect(paged).toContain("fetchScimGroup");
    for (const id of paged) expect(pagination).toContain(operationHref(ops.find((o) => o.operationId === id)!));
    const errors = sections.find((s) => s.title === "Errors and rate limits")!.body;
    for (const status of new Set(ops.flatMap((op) => Object.keys(op.operation.responses)).filter((s) => /^[45]/.test(s)))) {
      expect(errors).toContain(`| \`${status}\` |`);
    }
  });
});

/** A document with the catalogues of the real one and the given operations. */
function docWith(paths: OpenApiDocument["paths"], extra: Partial<OpenApiDocument> = {}): OpenApiDocument {
  return { ...structuredClone(spec), paths, tags: [{ name: "Things", description: "Things." }], ...extra };
}

function operation(id: string, more: Partial<OperationObject>): OperationObject {
  return {
    operationId: id,
    summary: id,
    description: `${id}.`,
    tags: ["Things"],
    "x-propelauth-access": { "key-kinds": ["full-access", "custom"], permissions: ["update-organizations"] },
    responses: { "200": { description: "OK", content: { "application/json": { schema: { type: "object" }, example: {} } } } },
    ...more,
  };
}

describe("operations the document may grow", () => {
  const doc = docWith({
    "/api/backend/v1/thing/{thing_id}": {
      parameters: [{ name: "thing_id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
      delete: operation("deleteThing", {
        requestBody: {
          required: true,
          content: { "application/json": { schema: { type: "object", required: ["reason"], properties: { reason: { type: "string" } } } } },
        },
        responses: { "204": { description: "Deleted." }, "404": { $ref: "#/components/responses/NotFound" } as never },
      }),
      get: operation("fetchThingText", {
        parameters: [{ name: "X-Trace", in: "header", required: true, schema: { type: "string" }, example: "it's-1" }],
        responses: { "200": { description: "Text.", content: { "text/plain": { schema: { type: "string" }, example: "hello" } } } },
      }),
    },
    "/api/backend/v1/thing/": {
      post: operation("createThing", {
        "x-propelauth-access": {
          "key-kinds": ["full-access", "read-and-validate", "custom"],
          permissions: ["read-users", "no-such-permission"],
          "field-permissions": [{ fields: ["secret", "owner"], permissions: ["manage-sso-connections", "create-users"] }],
        },
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                oneOf: [
                  {
                    type: "object",
                    required: ["kind", "count"],
                    properties: { kind: { const: "a" }, count: { type: "integer", minimum: 3 }, on: { type: "boolean", default: true } },
                  },
                  { type: "object", required: ["kind"], properties: { kind: { const: "b" } } },
                ],
              },
            },
          },
        },
        parameters: [
          { name: "tags", in: "query", required: true, schema: { type: "array", items: { type: "string", enum: ["x", "y"] } } },
          { name: "dry_run", in: "query", required: false, schema: { type: "boolean" } },
        ],
      }),
      put: { ...operation("undeclaredThing", {}), "x-propelauth-access": undefined as never },
    },
  });
  const find = (id: string) => listOperations(doc).find((op) => op.operationId === id)!;

  it("DELETE with a body: curl sends it with -X DELETE, the client passes body", () => {
    const request = exampleRequest(doc, find("deleteThing"));
    expect(request.body).toEqual({ contentType: "application/json", value: { reason: "example" }, withDefaults: { reason: "example" } });
    expect(request.success).toEqual({ status: 204 });
    const curl = curlSample(request);
    expect(curl).toContain('curl -X DELETE "$PROPELAUTH_AUTH_URL/api/backend/v1/thing/2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a"');
    expect(curl).toContain(`--data-raw '{\n  "reason": "example"\n}'`);
    const client = clientSample(request);
    expect(client).toContain('await client.DELETE("/api/backend/v1/thing/{thing_id}", {');
    expect(client).toContain('body: { reason: "example" },');
    expect(client).not.toContain("parseAs");
  });

  it("a text/plain answer is read as text; a required header is sent and quoted for the shell", () => {
    const request = exampleRequest(doc, find("fetchThingText"));
    expect(request.headers).toEqual({ "X-Trace": "it's-1" });
    expect(curlSample(request)).toContain(`-H "X-Trace: it's-1"`);
    const client = clientSample(request);
    expect(client).toContain('parseAs: "text",');
    expect(client).toContain('header: { "X-Trace": "it\'s-1" }');
  });

  it("a oneOf body without an example gets a valid one, defaults filled for the typed client", () => {
    const op = find("createThing");
    const request = exampleRequest(doc, op);
    expect(request.body?.value).toEqual({ kind: "a", count: 3 });
    expect(request.body?.withDefaults).toEqual({ kind: "a", count: 3, on: true });
    expect(request.query).toEqual({ tags: ["x"] });
    expect(curlSample(request)).toContain('"$PROPELAUTH_AUTH_URL/api/backend/v1/thing/?tags=x"');
    const checked = createValidator(doc).validateRequest(op, {
      pathParams: {},
      query: new URLSearchParams("tags=x"),
      body: request.body?.value,
    });
    expect(checked.errors).toEqual({});
  });

  it("field permissions, unknown permission ids and an undeclared access all render", () => {
    const html = accessHtml(doc, find("createThing").operation);
    expect(html).toContain('data-kind="read-and-validate" data-allowed="true"');
    expect(html).toContain('data-kind="validation-only" data-allowed="false"');
    expect(html).toContain("no-such-permission");
    expect(html).toContain("Sending <code>secret</code> and <code>owner</code> also needs the permissions");
    expect(html).toContain(`Manage SSO Connections</span> <span class="pa-unconfirmed">${UNCONFIRMED}</span>`);
    expect(html).toContain("Read and Validate keys may not send it.");
    expect(accessHtml(doc, find("undeclaredThing").operation)).toContain("Not declared in the document.");
  });

  it("the introduction and tag groups cover the new operations", () => {
    const intro = introduction(doc);
    for (const op of listOperations(doc)) expect(intro).toContain(`data-operation-id="${op.operationId}"`);
    expect(tagGroups(doc)).toEqual([{ name: "More", tags: ["Things"] }]);
  });
});

describe("operation facts", () => {
  const op = { operationId: "doThing", summary: "Do", description: "", tags: [], responses: {} } as unknown as OperationObject;

  it("shows no Sources note without x-propelauth-sources, and one with it", () => {
    expect(operationFacts(op)).not.toContain("pa-sources");
    const html = operationFacts({
      ...op,
      "x-propelauth-sdk": { node: ["doTheThing"], python: ["do_the_thing"] },
      "x-propelauth-sources": {
        docs: "https://docs.propelauth.com/reference/api/thing",
        sdks: ["node", "python"],
        differences: [{ sdk: "python", what: "sends `a`", why: "older release" }],
        notes: ["the table lists `b`"],
      },
    } as OperationObject);
    expect(html).toContain("<code>doTheThing</code> (Node); <code>do_the_thing</code> (Python)");
    expect(html).toContain('<details class="pa-sources"><summary class="pa-sources-title">Sources</summary>');
    expect(html).toContain("Called by the official SDKs: Node, Python");
    expect(html).toContain("<strong>Python</strong> sends <code>a</code>: older release");
    expect(html).toContain('<li class="pa-note">the table lists <code>b</code></li>');
  });

  it("names what the emulator accepts but does not apply, from x-propelauth-emulator", () => {
    expect(operationFacts(op)).not.toContain("pa-emulator-notes");
    const html = operationFacts({
      ...op,
      "x-propelauth-emulator": { "not-applied": [{ in: "body", name: "requires_interstitial", why: "no `login` pages" }] },
    } as OperationObject);
    expect(html).toContain(
      '<div class="pa-emulator-notes"><p>The local emulator accepts but does not apply:</p><ul><li>the body field <code>requires_interstitial</code>: no <code>login</code> pages</li></ul></div>',
    );
  });

  it("the bundled document's emulator notes reach the operations that carry them", () => {
    const bundled = loadBundledDocument();
    const noted = listOperations(bundled).filter((o) => o.operation["x-propelauth-emulator"]);
    expect(noted.map((o) => o.operationId)).toContain("createUser");
    for (const o of noted) {
      const html = operationFacts(o.operation);
      for (const n of (o.operation["x-propelauth-emulator"] as { "not-applied": { name: string }[] })["not-applied"])
        expect(html).toContain(`<code>${n.name}</code>`);
    }
  });
});

describe("the changelog", () => {
  it("takes the changesets that bump the spec package, with their bump", () => {
    expect(parseChangeset("a", '---\n"@propelauth-openapi/spec": minor\n"@propelauth-openapi/docs": patch\n---\n\nAdds things.\n')).toEqual(
      {
        id: "a",
        bump: "minor",
        text: "Adds things.",
      },
    );
    expect(parseChangeset("b", '---\n"@propelauth-openapi/docs": patch\n---\n\nDocs only.\n')).toBeUndefined();
    expect(parseChangeset("c", "no front matter")).toBeUndefined();
  });

  it("shows Unreleased first, then the released versions, without headings that would crowd the sidebar", () => {
    const text = changelogMarkdown(
      {
        changelog: "# @propelauth-openapi/spec\n\n## 0.2.0\n\n### Minor Changes\n\n- abc: Sessions.\n",
        pending: [{ id: "x", bump: "patch", text: "Fixes a path." }],
      },
      "0.2.0",
    );
    expect(text).toContain("release **0.2.0**");
    expect(text.indexOf("\n**Unreleased**")).toBeLessThan(text.indexOf("\n**0.2.0**"));
    expect(text).toContain("- Fixes a path. *(patch)*");
    expect(text).toContain("*Minor Changes*");
    expect(text).not.toMatch(/^#/m);
    expect(changelogMarkdown({ pending: [] }, "1.0.0")).toContain("No release notes yet.");
  });
});
