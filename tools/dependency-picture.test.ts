// The dependency picture of docs/architecture.md: written only between its markers, and the committed one is the
// one the code draws today (a changed import without `npm run docs:deps` fails here).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC, drawPicture, END, START, withPicture } from './dependency-picture.mjs';

describe('withPicture', () => {
  it('replaces only what lies between the markers, and again the same way', () => {
    const doc = `# Title\n\nbefore\n\n${START}\n\nold picture\n\n${END}\n\nafter\n`;
    const once = withPicture(doc, 'flowchart LR\na-->b');
    expect(once).toBe(
      `# Title\n\nbefore\n\n${START}\n\n\`\`\`mermaid\nflowchart LR\na-->b\n\`\`\`\n\n${END}\n\nafter\n`,
    );
    expect(withPicture(once, 'flowchart LR\na-->b')).toBe(once);
  });

  it('refuses a document without its markers', () => {
    expect(() => withPicture('# no markers\n', 'flowchart LR')).toThrow(/markers/);
    expect(() => withPicture(`${END}\n${START}\n`, 'flowchart LR')).toThrow(/markers/);
  });
});

describe('the committed picture', () => {
  it('is the one the code draws now', () => {
    const committed = readFileSync(DOC, 'utf8');
    expect(withPicture(committed, drawPicture())).toBe(committed);
  });
});
