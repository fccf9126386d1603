// The error statuses the Cloudflare Worker SDK tells apart are described, with a body where it reads one.
import { errorStatuses } from "../models/errors.js";
import { cloudflareErrors } from "./errors.js";

errorStatuses("cloudflare-worker", "serde", {}, cloudflareErrors);
