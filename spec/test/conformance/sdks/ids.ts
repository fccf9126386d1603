// Identifiers the Go and Rust replay cases put into paths and bodies.
export const USER_ID = "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a";
export const OTHER_USER_ID = "5f1d8f3e-7c2a-4b9e-a0d4-3e6f8b2c1a07";
export const ORG_ID = "1189c444-8a2d-4c41-8b4b-ae43ce79a492";
export const GROUP_ID = "7e2c4a91-3b5d-4f60-8a1e-9c0b2d4f6a83";
export const EMPLOYEE_ID = "b3c1f0e2-9d4a-4e7b-8c6f-1a2b3c4d5e6f";
export const MFA_PHONE_ID = "c9a8b7d6-e5f4-4321-9876-0fedcba98765";
/** End-user API key ids and tokens are hex strings. */
export const API_KEY_ID = "4c3e2f1a0b9d8c7e6f5a4b3c2d1e0f9a";
export const API_KEY_TOKEN = "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0";
export const CERTIFICATE = "-----BEGIN CERTIFICATE-----\nMIIDqDCCApCgAwIBAgIGAY3tF2nCMA0GCSqGSIb3DQEBCwUA\n-----END CERTIFICATE-----\n";
