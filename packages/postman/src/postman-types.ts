// The parts of the Postman collection v2.1 and environment formats this package writes.

export interface Description {
  content: string;
  type: "text/markdown" | "text/plain";
}

export interface KeyValue {
  key: string;
  value: string;
  description?: string;
  disabled?: boolean;
  type?: string;
}

export interface Url {
  raw: string;
  host: string[];
  path: string[];
  query?: KeyValue[];
  variable?: KeyValue[];
}

export interface RequestBody {
  mode: "raw";
  raw: string;
  options?: { raw: { language: "json" | "text" } };
}

export interface Auth {
  type: "bearer" | "noauth";
  bearer?: { key: string; value: string; type: "string" }[];
}

export interface Request {
  method: string;
  header: KeyValue[];
  url: Url;
  body?: RequestBody;
  auth?: Auth;
}

export interface SavedResponse {
  id: string;
  name: string;
  originalRequest: Request;
  status: string;
  code: number;
  _postman_previewlanguage: "json" | "text";
  header: KeyValue[];
  cookie: [];
  body: string;
}

export interface Event {
  listen: "test" | "prerequest";
  script: { id?: string; type: "text/javascript"; exec: string[] };
}

export interface Item {
  id: string;
  name: string;
  description: Description;
  request: Request;
  response: SavedResponse[];
  event: Event[];
}

export interface Folder {
  id: string;
  name: string;
  description: Description;
  item: Item[];
}

export interface Collection {
  info: {
    _postman_id: string;
    name: string;
    description: Description;
    version: string;
    schema: string;
  };
  item: Folder[];
  auth: Auth;
  event?: Event[];
  variable?: KeyValue[];
}

export interface EnvironmentValue {
  key: string;
  value: string;
  type: "default" | "secret";
  enabled: boolean;
  description?: string;
}

export interface Environment {
  id: string;
  name: string;
  values: EnvironmentValue[];
  _postman_variable_scope: "environment";
}
