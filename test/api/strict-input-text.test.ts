import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, type TestApp } from '../helpers.js';

/**
 * Text that is not well-formed: JSON may escape half of a surrogate pair (`"\ud800x"`), which neither engine stores as
 * anything a person meant. Every route refuses it as it refuses NUL and U+FFFD: 400 naming the field, whatever the
 * field's schema says; a whole pair (an emoji) is text like any other.
 */
describe.each(engines())('strict input: unpaired surrogates on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(engine);
  }, 120_000);
  afterAll(() => t?.close());

  const login = (username: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'not-the-password' } });

  it('answers 400 naming the field for a lone high or low surrogate anywhere in a string', async () => {
    for (const username of ['\ud800x', 'x\udc00', '李\udbff', '\udfff']) {
      const res = await login(username);
      expect(res.statusCode, `${JSON.stringify(username)}: ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details).toEqual({ field: 'body.username' });
    }
  });

  it('takes text with whole surrogate pairs (emoji) as text', async () => {
    const res = await login('李桂英😀');
    expect(res.statusCode, res.body).toBe(401);
  });
});
