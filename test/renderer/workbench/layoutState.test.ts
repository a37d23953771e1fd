import { defaultLayout, loadLayout, saveLayout, type KeyValueStore } from '../../../renderer/workbench/layoutState';
import { openTab } from '../../../renderer/workbench/editorGroups';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('layout persistence', () => {
  it('round-trips the layout per workspace', () => {
    const store = memoryStore();
    const layout = { ...defaultLayout(), sidebarWidth: 333, panelVisible: true, activeContainer: 'goals', editors: openTab(defaultLayout().editors, 'plan_a') };
    saveLayout(store, 'ws1', layout);
    expect(loadLayout(store, 'ws1')).toEqual(layout);
    expect(loadLayout(store, 'ws2')).toEqual(defaultLayout());
  });

  it('falls back to the defaults for corrupt or out-of-range data', () => {
    const store = memoryStore();
    store.setItem('tandem.layout.ws', '{not json');
    expect(loadLayout(store, 'ws')).toEqual(defaultLayout());
    store.setItem('tandem.layout.ws', JSON.stringify({ ...defaultLayout(), sidebarWidth: 5 }));
    expect(loadLayout(store, 'ws')).toEqual(defaultLayout());
  });

  it('survives a storage that refuses to write', () => {
    const store: KeyValueStore = { getItem: () => null, setItem: () => { throw new Error('quota exceeded'); } };
    expect(() => saveLayout(store, 'ws', defaultLayout())).not.toThrow();
  });
});
