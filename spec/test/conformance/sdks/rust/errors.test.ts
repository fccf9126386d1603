// The error statuses the Rust crate tells apart are described, with the bodies it reads.
import { errorStatuses } from "../models/errors.js";
import { rustErrorModels, rustErrors } from "./errors.js";
import { rustModels } from "./models.js";

errorStatuses("rust", "serde", { ...rustModels, ...rustErrorModels }, rustErrors);
