// The storage layer: one module per group of tables, each owning all of its SQL and typing its
// rows. Handlers and the test helpers reach the data only through these.
import type { Db } from "../db.js";
import { Links } from "./links.js";
import { Outbox } from "./outbox.js";

export class Stores {
  readonly links: Links;
  readonly outbox: Outbox;

  constructor(db: Db) {
    this.links = new Links(db);
    this.outbox = new Outbox(db);
  }
}
