/** Categories as a tree: each with its children, in the order given (the API's sort). */
export interface CategoryNode<C extends { id: string; parentId: string | null }> {
  category: C;
  children: CategoryNode<C>[];
}

export function categoryTree<C extends { id: string; parentId: string | null }>(categories: C[]): CategoryNode<C>[] {
  const nodes = new Map(categories.map((c) => [c.id, { category: c, children: [] as CategoryNode<C>[] }]));
  const roots: CategoryNode<C>[] = [];
  for (const node of nodes.values()) {
    const parent = node.category.parentId ? nodes.get(node.category.parentId) : undefined;
    // A parent missing from the list (or a loop in bad data) leaves the category at the top.
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
