// An operation's parameters, one table per place (path, query, header).
import type { OpenApiDocument, Operation, ParameterObject } from "@propelauth-openapi/spec";
import { escapeHtml } from "../access.js";
import { markdown } from "./markdown.js";
import { schemaHtml, typeLabel } from "./schema.js";

const PLACES = [
  ["path", "Path parameters"],
  ["query", "Query parameters"],
  ["header", "Header parameters"],
  ["cookie", "Cookies"],
] as const;

function parameterRow(doc: OpenApiDocument, p: ParameterObject): string {
  const example =
    p.example !== undefined ? `<p class="pa-constraints">example <code>${escapeHtml(JSON.stringify(p.example))}</code></p>` : "";
  const schema = p.schema ? schemaHtml(doc, p.schema).replace(/^<p class="pa-schema-type">.*?<\/p>/, "") : "";
  return [
    "<tr>",
    `<td class="pa-prop-name"><code>${escapeHtml(p.name)}</code>${p.required ? ' <span class="pa-required">required</span>' : ""}</td>`,
    `<td class="pa-prop-about"><span class="pa-type">${escapeHtml(typeLabel(doc, p.schema ?? {}))}</span>${markdown(p.description)}${schema}${example}</td>`,
    "</tr>",
  ].join("");
}

export function parametersHtml(doc: OpenApiDocument, op: Operation): string {
  return PLACES.map(([place, title]) => {
    const list = op.parameters.filter((p) => p.in === place);
    if (list.length === 0) return "";
    return `<h3>${title}</h3><table class="pa-props"><tbody>${list.map((p) => parameterRow(doc, p)).join("")}</tbody></table>`;
  }).join("");
}
