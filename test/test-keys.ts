/** Fixed keys for tests only (the template database is seeded with them). Never use them anywhere else. */
export const TEST_PII_KEY = Buffer.alloc(32, 7).toString('base64');
