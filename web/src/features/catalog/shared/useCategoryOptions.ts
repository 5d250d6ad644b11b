import { useMemo } from 'react';
import { useCategories } from '../../../api/catalog.js';

/** Categories as grouped options: each top category with its children; one without children is chosen itself. */
export function useCategoryOptions() {
  const categories = useCategories();
  const options = useMemo(() => {
    const list = categories.data ?? [];
    return list
      .filter((c) => !c.parentId)
      .map((top) => {
        const children = list.filter((c) => c.parentId === top.id);
        return children.length ? { label: top.name, title: top.name, options: children.map((c) => ({ value: c.id, label: c.name })) } : { value: top.id, label: top.name };
      });
  }, [categories.data]);
  // Blank until the categories have loaded: never the internal id.
  const name = (id: string) => categories.data?.find((c) => c.id === id)?.name ?? '';
  return { options, name, loading: categories.isPending };
}
