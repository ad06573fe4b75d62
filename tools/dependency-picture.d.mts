// Types of tools/dependency-picture.mjs for its test.
export const START: string;
export const END: string;
export const DOC: string;
export function drawPicture(): string;
export function withPicture(markdown: string, mermaid: string): string;
