// The Rust crate's serde models read every success example of the operations it calls.
import { responses } from "../models/responses.js";
import { rustInventory } from "./inventory.js";
import { rustModels, rustSuccess } from "./models.js";

responses("rust", "serde", rustModels, rustSuccess, rustInventory);
