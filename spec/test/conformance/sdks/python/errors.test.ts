// The error statuses the Python SDK tells apart are described, with a body where it reads one.
import { expect, it } from "vitest";
import { errorStatuses } from "../models/errors.js";
import { pythonErrors, unmapped } from "./errors.js";

it("every function with error branches serves an operation", () => {
  expect(unmapped).toEqual([]);
});

errorStatuses("python", "serde", {}, pythonErrors);
