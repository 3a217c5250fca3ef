// The ASL definition as an ELK graph: a node per state, Map and Parallel as nested groups (a
// Parallel holds one group per branch), edges for Next, Choice rules, Default and Catch; Retry is
// drawn on the state it belongs to. Node ids are paths so that nested scopes may reuse names.

const CHAR = 7.4;
const NODE_HEIGHT = 46;

export function aslToElk(definition) {
  const root = { id: 'root', layoutOptions: rootOptions(), children: [], edges: [] };
  root.children.push({ id: 'start', width: 64, height: 28, kind: 'terminal', label: 'Start' });
  const ids = addScope(root, definition, 'root/', 'end');
  // Last in model order, so that cycle breaking reads the definition top to bottom.
  root.children.push({ id: 'end', width: 64, height: 28, kind: 'terminal', label: 'End' });
  root.edges.push(edge('start', ids.start, undefined, 'next'));
  return root;
}

function rootOptions() {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': 'DOWN',
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    'elk.layered.spacing.nodeNodeBetweenLayers': '34',
    'elk.spacing.nodeNode': '26',
    'elk.spacing.edgeLabel': '4',
    'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.layered.mergeEdges': 'false',
    // The definition's order of states decides which edge of a loop points back up.
    'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  };
}

/** Adds the states of one scope (`States` + `StartAt`) to `parent`; returns the start node's id. */
function addScope(parent, scope, prefix, endId) {
  const states = scope.States ?? {};
  const id = (name) => prefix + name;
  for (const [name, state] of Object.entries(states)) {
    parent.children.push(stateNode(id(name), name, state, prefix));
    for (const [target, label, kind] of transitions(state)) parent.edges.push(edge(id(name), id(target), label, kind));
    if (endId && (state.End || state.Type === 'Succeed' || state.Type === 'Fail')) parent.edges.push(edge(id(name), endId, undefined, 'next'));
  }
  return { start: id(scope.StartAt) };
}

function stateNode(id, name, state, prefix) {
  const retry = retrySummary(state.Retry);
  const base = { id, name, type: state.Type, retry, label: name };
  if (state.Type === 'Map') {
    const processor = state.ItemProcessor ?? state.Iterator;
    const node = { ...base, kind: 'group', children: [], edges: [], layoutOptions: groupOptions(groupWidth(name, 'Map')) };
    if (processor) addScope(node, processor, `${id}/`, undefined);
    return node;
  }
  if (state.Type === 'Parallel') {
    const node = { ...base, kind: 'group', children: [], edges: [], layoutOptions: { ...groupOptions(groupWidth(name, 'Parallel')), 'elk.direction': 'RIGHT' } };
    (state.Branches ?? []).forEach((branch, i) => {
      const branchNode = { id: `${id}/#${i}`, kind: 'branch', name: `Branch ${i + 1}`, children: [], edges: [], layoutOptions: { ...groupOptions(groupWidth(`Branch ${i + 1}`, '')), 'elk.direction': 'DOWN' } };
      addScope(branchNode, branch, `${id}/#${i}/`, undefined);
      node.children.push(branchNode);
    });
    return node;
  }
  // Room for the name, the type and retry mark below it, and a count (×12) at the top right.
  const width = Math.max(130, Math.ceil(Math.max(name.length + 6, state.Type.length + (retry ? 14 : 8)) * CHAR) + 30);
  return { ...base, kind: 'state', width, height: NODE_HEIGHT };
}

/** The group's title is drawn by us in the top padding; the group must be wide enough for it and its counts. */
function groupOptions(minWidth) {
  // With hierarchy handling INCLUDE_CHILDREN and direction DOWN, elkjs 0.12 reads the minimum as (height, width).
  return { 'elk.padding': '[top=40,left=18,bottom=18,right=18]', 'elk.nodeSize.constraints': 'MINIMUM_SIZE', 'elk.nodeSize.minimum': `(60, ${minWidth})` };
}

function groupWidth(name, type) {
  return Math.ceil((name.length + type.length + 2) * CHAR) + 130;
}

/** [target, label, kind] for every way out of a state. */
function transitions(state) {
  const out = [];
  if (state.Type === 'Choice') {
    for (const rule of state.Choices ?? []) out.push([rule.Next, conditionText(rule), 'choice']);
    if (state.Default) out.push([state.Default, 'Default', 'choice']);
  }
  if (state.Next) out.push([state.Next, undefined, 'next']);
  for (const catcher of state.Catch ?? []) out.push([catcher.Next, `catch ${(catcher.ErrorEquals ?? []).join(', ')}`, 'catch']);
  return out;
}

function conditionText(rule) {
  if (typeof rule.Condition === 'string') return shorten(rule.Condition.replace(/^\{%\s*|\s*%\}$/g, ''));
  const op = Object.keys(rule).find((key) => !['Variable', 'Next', 'Comment', 'Assign', 'Output'].includes(key));
  if (rule.Variable && op) return shorten(`${rule.Variable} ${op} ${JSON.stringify(rule[op])}`);
  return shorten(rule.Comment ?? op ?? 'rule');
}

function shorten(text) {
  return text.length > 42 ? `${text.slice(0, 40)}…` : text;
}

function retrySummary(retry) {
  if (!Array.isArray(retry) || retry.length === 0) return undefined;
  return retry.map((r) => `${(r.ErrorEquals ?? []).join(', ')} ×${r.MaxAttempts ?? 3}`).join('; ');
}

let edgeCount = 0;
function edge(source, target, label, kind) {
  const e = { id: `e${++edgeCount}`, sources: [source], targets: [target], kind };
  if (label) e.labels = [{ text: label, width: label.length * 6.4 + 8, height: 14 }];
  return e;
}
