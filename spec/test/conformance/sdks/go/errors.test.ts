// The error statuses the Go SDK tells apart are described, with the bodies it reads.
import { errorStatuses } from "../models/errors.js";
import { goErrorModels, goErrors } from "./errors.js";
import { goModels } from "./models.js";

errorStatuses("go", "go", { ...goModels, ...goErrorModels }, goErrors);
