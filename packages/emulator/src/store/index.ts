// The storage layer: one module per group of tables, each owning all of its SQL and typing its
// rows; statements are prepared once per connection. Handlers and the test helpers reach the
// data through these.
import type { Db } from "../db.js";
import { ApiKeys } from "./api-keys.js";
import { BackendKeys } from "./backend-keys.js";
import { RowCache } from "./cache.js";
import { Insights } from "./insights.js";
import { Invites } from "./invites.js";
import { Links } from "./links.js";
import { Meta } from "./meta.js";
import { OauthTokens } from "./oauth.js";
import { Orgs } from "./orgs.js";
import { Outbox } from "./outbox.js";
import { RoleMappings } from "./roles.js";
import { ScimGroups } from "./scim.js";
import { SsoConnections } from "./sso.js";
import { StepUp } from "./step-up.js";
import { Users } from "./users.js";

export class Stores {
  /** Cleared around every write (Project.write, Project.tx). */
  readonly cache = new RowCache();
  readonly users: Users;
  readonly orgs: Orgs;
  readonly roles: RoleMappings;
  readonly sso: SsoConnections;
  readonly apiKeys: ApiKeys;
  readonly links: Links;
  readonly outbox: Outbox;
  readonly stepUp: StepUp;
  readonly invites: Invites;
  readonly scim: ScimGroups;
  readonly meta: Meta;
  readonly oauth: OauthTokens;
  readonly insights: Insights;
  /** The emulator's own backend keys, held in memory too (a reset keeps them). */
  readonly backendKeys: BackendKeys;

  constructor(db: Db) {
    this.users = new Users(db, this.cache);
    this.orgs = new Orgs(db, this.cache);
    this.roles = new RoleMappings(db, this.cache);
    this.sso = new SsoConnections(db, this.cache);
    this.apiKeys = new ApiKeys(db, this.cache);
    this.links = new Links(db);
    this.outbox = new Outbox(db);
    this.stepUp = new StepUp(db);
    this.invites = new Invites(db);
    this.scim = new ScimGroups(db);
    this.meta = new Meta(db);
    this.oauth = new OauthTokens(db);
    this.insights = new Insights(db);
    this.backendKeys = new BackendKeys(db);
  }
}
