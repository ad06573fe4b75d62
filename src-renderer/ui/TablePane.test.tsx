// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../stores/app-store';
import { createFakeClient } from '../../tests/support/renderer/fake-client';
import { render } from '../../tests/support/renderer/render';
import { TablePane } from './TablePane';

const mount = (empty: string | false) =>
  render(
    <TablePane tools="Fill tools" status="3 fills" empty={empty}>
      <table aria-label="Fills" />
    </TablePane>,
    { store: createAppStore(createFakeClient()), paneId: 'executions' },
  );

describe('TablePane', () => {
  it('shows its status in a named toolbar without a link group, the table under it, and why it is empty', () => {
    const host = mount('No fills yet.');
    const toolbar = host.querySelector('[role="toolbar"]')!;
    expect(toolbar.getAttribute('aria-label')).toBe('Fill tools');
    expect(toolbar.querySelector('.dim')?.textContent).toBe('3 fills');
    expect(toolbar.querySelector('select[aria-label="Link group"]')).toBeNull();
    expect(toolbar.querySelector('button[aria-label="Open in a new window"]')).not.toBeNull();
    const wrap = host.querySelector('.table-wrap')!;
    expect(wrap.querySelector('table[aria-label="Fills"]')).not.toBeNull();
    expect(wrap.querySelector('.empty')?.textContent).toBe('No fills yet.');
  });

  it('says nothing under a table with rows', () => {
    expect(mount(false).querySelector('.empty')).toBeNull();
  });
});
