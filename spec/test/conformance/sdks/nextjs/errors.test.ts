// The error statuses the Next.js SDK tells apart are described.
import { errorStatuses } from "../models/errors.js";
import { nextjsErrors } from "./errors.js";

errorStatuses("nextjs", "serde", {}, nextjsErrors);
