// The id rule profiles and watchlists share.
import { describe, expect, it } from 'vitest';
import { uniqueSlugId } from './slug-id';

describe('uniqueSlugId', () => {
  it('slugs the name, keeps it to 32 characters, and numbers it past the ids taken', () => {
    expect(uniqueSlugId('  Paper: Main Account ', [], 'profile')).toBe('paper-main-account');
    expect(uniqueSlugId('x'.repeat(40), [], 'profile')).toBe('x'.repeat(32));
    expect(uniqueSlugId('Main', ['main', 'main-2'], 'list')).toBe('main-3');
  });

  it('falls back to the given word when the name has no letters or digits', () => {
    expect(uniqueSlugId('***', [], 'profile')).toBe('profile');
    expect(uniqueSlugId('', ['list'], 'list')).toBe('list-2');
  });
});
