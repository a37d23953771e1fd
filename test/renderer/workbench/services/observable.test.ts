import { computed, Value } from '../../../../renderer/workbench/services/observable';

describe('values with change events', () => {
  it('tells its listeners of a change, not of setting the same value', () => {
    const v = new Value(1);
    const seen: number[] = [];
    const off = v.subscribe(() => seen.push(v.get()));
    v.set(1);
    v.set(2);
    v.update((n) => n + 1);
    off();
    v.set(4);
    expect(seen).toEqual([2, 3]);
  });

  it('compares with its own equality when it has one', () => {
    const v = new Value<string[]>(['a'], (a, b) => a.join() === b.join());
    let fired = 0;
    v.subscribe(() => fired++);
    const before = v.get();
    v.set(['a']);
    expect(fired).toBe(0);
    expect(v.get()).toBe(before);
    v.set(['b']);
    expect(fired).toBe(1);
  });

  it('computes lazily, once per change of its inputs, and keeps an equal result as the same object', () => {
    const a = new Value(1);
    const b = new Value(10);
    let runs = 0;
    const sum = computed([a, b], (x, y) => {
      runs++;
      return { total: x + y };
    }, (p, q) => p.total === q.total);
    expect(runs).toBe(0);
    const first = sum.get();
    expect(sum.get()).toBe(first);
    expect(runs).toBe(1);
    a.set(2);
    b.set(9);
    expect(sum.get()).toBe(first); // 11 again: the same object, so a reader does not re-render
    expect(runs).toBe(2);
    a.set(5);
    expect(sum.get()).toEqual({ total: 14 });
  });

  it('tells its subscribers when an input changes', () => {
    const a = new Value('x');
    const upper = computed([a], (s) => s.toUpperCase());
    const seen: string[] = [];
    const off = upper.subscribe(() => seen.push(upper.get()));
    a.set('y');
    off();
    a.set('z');
    expect(seen).toEqual(['Y']);
  });
});
