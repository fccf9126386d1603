// The Go SDK's models read every success example of the operations it calls.
import { responses } from "../models/responses.js";
import { goInventory } from "./inventory.js";
import { goModels, goSuccess, goUndefinedFields } from "./models.js";

responses("go", "go", goModels, goSuccess, goInventory, goUndefinedFields);
