// The end-user API key functions of initBaseAuth, as @propelauth/node 2.1.36 has them.

import type { OperationClient } from "@propelauth-openapi/client";
import * as ops from "@propelauth-openapi/client";
import { camelKeys } from "../convert.js";
import {
  ApiKeyCreateException,
  ApiKeyDeleteException,
  ApiKeyFetchException,
  ApiKeyImportException,
  ApiKeyUpdateException,
  ApiKeyValidateException,
  ApiKeyValidateRateLimitedException,
  RateLimitedException,
} from "../exceptions.js";
import { answer, isValidHex, type OnStatus, type Raw, raise, removeBearer, send, value } from "../transport.js";
import type {
  ApiKeyFull,
  ApiKeyNew,
  ApiKeyResultPage,
  ApiKeysCreateRequest,
  ApiKeysImportRequest,
  ApiKeysImportResponse,
  ApiKeysQueryRequest,
  ApiKeyUpdateRequest,
  ApiKeyUsageQueryRequest,
  ApiKeyUsageQueryResponse,
  ApiKeyValidation,
  OrgApiKeyValidation,
  PersonalApiKeyValidation,
} from "../types.js";

const camel = (raw: Raw) => camelKeys(raw.data);
const bad = (make: new (text: string) => Error): OnStatus => ({ 400: raise((x) => new make(x.text)) });

/**
 * The official SDK throws `new XException("Invalid api key")` synchronously for an id that is
 * not 32 hex digits, and that constructor's JSON.parse turns it into a SyntaxError. Here the
 * exception itself is thrown (still synchronously), with `fieldToErrors` naming the id.
 */
function invalidKeyId(make: new (text: string) => Error): never {
  throw new make(JSON.stringify({ api_key_id: ["Invalid api key"] }));
}

// A 429 with the key's own rate-limit body is ApiKeyValidateRateLimitedException; any other 429 body, RateLimitedException.
const validation: OnStatus = {
  400: raise((x) => new ApiKeyValidateException(x.text)),
  429: raise((x) => {
    try {
      return new ApiKeyValidateRateLimitedException(x.text);
    } catch {
      return new RateLimitedException(x.text);
    }
  }),
};

const keysQuery = (q: ApiKeysQueryRequest) => ({
  query: { org_id: q.orgId, user_id: q.userId, user_email: q.userEmail, page_size: q.pageSize, page_number: q.pageNumber },
});

export function apiKeyApis(client: OperationClient) {
  const validateApiKey = (token: string, unknown = "Unknown error when updating the end user api key"): Promise<ApiKeyValidation> =>
    send(client, ops.validateApiKey, { body: { api_key_token: removeBearer(token) } }).then((raw) =>
      answer(raw, camel, unknown, validation),
    );

  return {
    fetchApiKey: (apiKeyId: string): Promise<ApiKeyFull> => {
      if (!isValidHex(apiKeyId)) invalidKeyId(ApiKeyFetchException);
      return send(client, ops.fetchApiKey, { path: { api_key_id: apiKeyId } }).then((raw) =>
        answer(raw, camel, "Unknown error when creating the end user api key", bad(ApiKeyFetchException)),
      );
    },
    fetchCurrentApiKeys: (q: ApiKeysQueryRequest): Promise<ApiKeyResultPage> =>
      send(client, ops.fetchCurrentApiKeys, keysQuery(q)).then((raw) =>
        answer(raw, camel, "Unknown error when creating the end user api key", bad(ApiKeyFetchException)),
      ),
    fetchArchivedApiKeys: (q: ApiKeysQueryRequest): Promise<ApiKeyResultPage> =>
      send(client, ops.fetchArchivedApiKeys, keysQuery(q)).then((raw) =>
        answer(raw, camel, "Unknown error when creating the end user api key", bad(ApiKeyFetchException)),
      ),
    createApiKey: (r: ApiKeysCreateRequest): Promise<ApiKeyNew> => {
      const body = {
        org_id: r.orgId,
        user_id: r.userId,
        expires_at_seconds: r.expiresAtSeconds,
        metadata: r.metadata,
        display_name: r.displayName,
      };
      return send(client, ops.createApiKey, { body }).then((raw) =>
        answer(raw, camel, "Unknown error when creating the end user api key", bad(ApiKeyCreateException)),
      );
    },
    updateApiKey: (apiKeyId: string, r: ApiKeyUpdateRequest): Promise<boolean> => {
      if (!isValidHex(apiKeyId)) invalidKeyId(ApiKeyUpdateException);
      const body = { expires_at_seconds: r.expiresAtSeconds, metadata: r.metadata, set_to_never_expire: r.setToNeverExpire };
      return send(client, ops.updateApiKey, { path: { api_key_id: apiKeyId }, body }).then((raw) =>
        answer(raw, () => true, "Unknown error when updating the end user api key", bad(ApiKeyUpdateException)),
      );
    },
    deleteApiKey: (apiKeyId: string): Promise<boolean> => {
      if (!isValidHex(apiKeyId)) invalidKeyId(ApiKeyDeleteException);
      return send(client, ops.deleteApiKey, { path: { api_key_id: apiKeyId } }).then((raw) =>
        answer(raw, () => true, "Unknown error when deleting the end user api key", {
          ...bad(ApiKeyDeleteException),
          404: value(false),
        }),
      );
    },
    validateApiKey: (apiKeyToken: string) => validateApiKey(apiKeyToken),
    validatePersonalApiKey: async (apiKeyToken: string): Promise<PersonalApiKeyValidation> => {
      const v = await validateApiKey(apiKeyToken);
      if (!v.user || v.org) throw new ApiKeyValidateException(JSON.stringify({ api_key_token: ["Not a personal API Key"] }));
      return { user: v.user, metadata: v.metadata };
    },
    validateOrgApiKey: async (apiKeyToken: string): Promise<OrgApiKeyValidation> => {
      const v = await validateApiKey(apiKeyToken);
      if (!v.org) throw new ApiKeyValidateException(JSON.stringify({ api_key_token: ["Not an org API Key"] }));
      return { org: v.org, metadata: v.metadata, user: v.user, userInOrg: v.userInOrg };
    },
    fetchApiKeyUsage: (q: ApiKeyUsageQueryRequest): Promise<ApiKeyUsageQueryResponse> => {
      const query = { org_id: q.orgId, user_id: q.userId, api_key_id: q.api_key_id, date: q.date };
      return send(client, ops.fetchApiKeyUsage, { query }).then((raw) =>
        answer(raw, camel, "Unknown error when fetching the end user api key usage", bad(ApiKeyFetchException)),
      );
    },
    importApiKey: (r: ApiKeysImportRequest): Promise<ApiKeysImportResponse> => {
      const body = {
        imported_api_key: r.importedApiKey,
        org_id: r.orgId,
        user_id: r.userId,
        expires_at_seconds: r.expiresAtSeconds,
        metadata: r.metadata,
        display_name: r.displayName,
      };
      return send(client, ops.importApiKey, { body }).then((raw) =>
        answer(raw, camel, "Unknown error when importing the end user api key", bad(ApiKeyImportException)),
      );
    },
    validateImportedApiKey: (apiKeyToken: string): Promise<ApiKeyValidation> =>
      send(client, ops.validateImportedApiKey, { body: { api_key_token: removeBearer(apiKeyToken) } }).then((raw) =>
        answer(raw, camel, "Unknown error when validating the imported end user api key", validation),
      ),
  };
}
