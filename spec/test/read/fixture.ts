// A small document for the readers' tests: each helper is checked on a case it must decide.
import { listOperations, type OpenApiDocument, type Operation } from "../../src/index.js";

export const doc = {
  openapi: "3.1.0",
  info: {
    title: "t",
    version: "0",
    description: "",
    "x-propelauth-key-kinds": {
      "full-access": { name: "Full Access", description: "" },
      "read-only": { name: "Read and Validate", description: "" },
      "validation-only": { name: "Validation Only", description: "" },
      custom: { name: "Custom", description: "" },
    },
    "x-propelauth-permissions": {
      "read:users": { name: "Read users", confirmed: true, "granted-to": ["read-only"], description: "" },
      "write:users": { name: "Write users", confirmed: true, "granted-to": [], description: "" },
      validate: { name: "Validate", confirmed: true, "granted-to": ["read-only", "validation-only"], description: "" },
    },
  },
  servers: [],
  tags: [],
  components: {
    schemas: {
      Base: { type: "object", required: ["id"], properties: { id: { type: "string", format: "uuid" }, name: { type: "string" } } },
      Page: {
        allOf: [{ $ref: "#/components/schemas/Base" }],
        type: "object",
        required: ["users"],
        properties: {
          users: { type: "array", items: { $ref: "#/components/schemas/Base" } },
          name: { type: "integer" },
          has_more_results: { type: "boolean" },
          page_size: { type: "integer" },
        },
      },
    },
    requestBodies: {
      Update: {
        required: true,
        content: {
          "text/plain": { schema: { type: "string" } },
          "application/vnd.x+json": { schema: { type: "object" } },
          "application/json": {
            schema: {
              type: "object",
              properties: { page_number: { type: "integer" }, page_size: { type: "integer", maximum: 50 }, email: { type: "string" } },
            },
            examples: { first: { value: { email: "a@b.c" } } },
          },
        },
      },
    },
  },
  paths: {
    "/users": {
      get: {
        operationId: "queryUsers",
        parameters: [
          { name: "page_number", in: "query", schema: { type: "integer" } },
          { name: "page_size", in: "query", schema: { type: "integer", maximum: 100 } },
          { name: "members_page_size", in: "query", schema: { type: "integer" } },
        ],
        responses: {
          "201": { description: "", content: { "application/json": { schema: { type: "object" } } } },
          "200": { description: "", content: { "application/json": { schema: { $ref: "#/components/schemas/Page" } } } },
        },
        "x-propelauth-access": { "key-kinds": ["full-access", "read-only", "custom"], permissions: ["read:users"] },
      },
      post: {
        operationId: "searchUsers",
        requestBody: { $ref: "#/components/requestBodies/Update" },
        responses: {
          "200": {
            description: "",
            content: { "application/json": { schema: { type: "object", properties: { users: { type: "array" } } } } },
          },
        },
        "x-propelauth-access": {
          "key-kinds": ["full-access", "read-only", "custom"],
          permissions: ["read:users"],
          "field-permissions": [{ fields: ["email"], permissions: ["write:users"] }],
        },
      },
    },
    "/orgs": {
      get: {
        operationId: "queryOrgs",
        parameters: [
          { name: "page_number", in: "query", schema: { type: "integer" } },
          { name: "page_size", in: "query", schema: { type: "integer" } },
        ],
        responses: {
          "200": {
            description: "",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: { orgs: { type: "array" }, users: { type: "array" }, total_orgs: {}, page_size: {} },
                },
              },
            },
          },
        },
      },
    },
    "/ping": { delete: { operationId: "ping", responses: { "204": { description: "" } } } },
  },
} as unknown as OpenApiDocument;

export const op = (id: string): Operation => listOperations(doc).find((o) => o.operationId === id)!;
