// The error statuses the Ruby gem tells apart are described, with a body where it reads one.
import { errorStatuses } from "../models/errors.js";
import { rubyErrors } from "./errors.js";

errorStatuses("ruby", "serde", {}, rubyErrors);
