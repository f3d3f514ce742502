package dev.rowguard.processor.derive;

import dev.rowguard.schema.ForeignKey;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Table;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Orders tables so that each comes after the tables it references. Among the tables that are ready, the first
 * by name comes first, so the script does not depend on the order javac hands the entities over (Kahn's
 * algorithm).
 *
 * <p>When no table is ready, the remaining references hold a cycle. The table created next is one that lies on
 * a cycle and waits for the fewest tables (then the first by name): its references to tables not yet created
 * are added by {@code ALTER TABLE} once every table exists. A table that only depends on a cycle is never picked,
 * since that would defer a reference that closes no cycle; so one cycle defers one foreign key, and disjoint
 * cycles one each.
 */
final class TableOrder {
  private TableOrder() {}

  static List<Table> apply(List<Table> tables) {
    Map<QualifiedName, Table> byName = new HashMap<>();
    tables.forEach(t -> byName.put(t.name(), t));
    Map<QualifiedName, Set<QualifiedName>> targets = new HashMap<>();
    Map<QualifiedName, Integer> waitingFor = new HashMap<>();
    Map<QualifiedName, List<QualifiedName>> dependents = new HashMap<>();
    for (Table table : tables) {
      Set<QualifiedName> referenced = new LinkedHashSet<>();
      for (ForeignKey fk : table.foreignKeys()) {
        if (!fk.target().equals(table.name()) && byName.containsKey(fk.target())) {
          referenced.add(fk.target());
        }
      }
      targets.put(table.name(), referenced);
      waitingFor.put(table.name(), referenced.size());
      referenced.forEach(target -> dependents.computeIfAbsent(target, k -> new ArrayList<>()).add(table.name()));
    }
    TreeMap<QualifiedName, Table> ready = new TreeMap<>();
    TreeMap<QualifiedName, Table> blocked = new TreeMap<>();
    for (Table table : tables) {
      (waitingFor.get(table.name()) == 0 ? ready : blocked).put(table.name(), table);
    }
    List<Table> ordered = new ArrayList<>(tables.size());
    while (!ready.isEmpty() || !blocked.isEmpty()) {
      Table next;
      if (ready.isEmpty()) {
        QualifiedName breaker = cycleBreaker(blocked.keySet(), targets, waitingFor);
        next = blocked.remove(breaker);
      } else {
        next = ready.pollFirstEntry().getValue();
      }
      ordered.add(next);
      for (QualifiedName dependent : dependents.getOrDefault(next.name(), List.of())) {
        if (blocked.containsKey(dependent) && waitingFor.merge(dependent, -1, Integer::sum) == 0) {
          ready.put(dependent, blocked.remove(dependent));
        }
      }
    }
    return ordered;
  }

  /**
   * The blocked table to create next: on a cycle of the blocked tables (a strongly connected component of more
   * than one table), waiting for the fewest tables, then the first by name. Every blocked table waits for
   * another blocked one, so such a component exists.
   */
  private static QualifiedName cycleBreaker(
      Set<QualifiedName> blocked, Map<QualifiedName, Set<QualifiedName>> targets,
      Map<QualifiedName, Integer> waitingFor) {
    return StronglyConnected.onCycles(blocked, targets).stream()
        .min(Comparator.<QualifiedName>comparingInt(waitingFor::get).thenComparing(Comparator.naturalOrder()))
        .orElseThrow(() -> new IllegalStateException("blocked tables without a cycle: " + blocked));
  }

  /** Tarjan's algorithm over the blocked tables, iterative so that long reference chains cannot overflow. */
  private static final class StronglyConnected {
    private final Set<QualifiedName> nodes;
    private final Map<QualifiedName, Set<QualifiedName>> edges;
    private final Map<QualifiedName, Integer> index = new HashMap<>();
    private final Map<QualifiedName, Integer> low = new HashMap<>();
    private final Deque<QualifiedName> stack = new ArrayDeque<>();
    private final Set<QualifiedName> onStack = new HashSet<>();
    private final Set<QualifiedName> onCycles = new HashSet<>();

    private StronglyConnected(Set<QualifiedName> nodes, Map<QualifiedName, Set<QualifiedName>> edges) {
      this.nodes = nodes;
      this.edges = edges;
    }

    /** The nodes that lie on a cycle made of {@code nodes} alone. */
    static Set<QualifiedName> onCycles(Set<QualifiedName> nodes, Map<QualifiedName, Set<QualifiedName>> edges) {
      StronglyConnected search = new StronglyConnected(nodes, edges);
      for (QualifiedName node : nodes) {
        if (!search.index.containsKey(node)) {
          search.visit(node);
        }
      }
      return search.onCycles;
    }

    private List<QualifiedName> successors(QualifiedName node) {
      return edges.getOrDefault(node, Set.of()).stream().filter(nodes::contains).toList();
    }

    private void visit(QualifiedName root) {
      Deque<Frame> frames = new ArrayDeque<>();
      enter(root, frames);
      while (!frames.isEmpty()) {
        Frame frame = frames.peek();
        if (frame.next < frame.successors.size()) {
          QualifiedName successor = frame.successors.get(frame.next++);
          if (!index.containsKey(successor)) {
            enter(successor, frames);
          } else if (onStack.contains(successor)) {
            low.merge(frame.node, index.get(successor), Math::min);
          }
          continue;
        }
        frames.pop();
        if (!frames.isEmpty()) {
          low.merge(frames.peek().node, low.get(frame.node), Math::min);
        }
        if (low.get(frame.node).equals(index.get(frame.node))) {
          List<QualifiedName> component = new ArrayList<>();
          QualifiedName member;
          do {
            member = stack.pop();
            onStack.remove(member);
            component.add(member);
          } while (!member.equals(frame.node));
          if (component.size() > 1) {
            onCycles.addAll(component);
          }
        }
      }
    }

    private void enter(QualifiedName node, Deque<Frame> frames) {
      index.put(node, index.size());
      low.put(node, index.get(node));
      stack.push(node);
      onStack.add(node);
      frames.push(new Frame(node, successors(node)));
    }

    private static final class Frame {
      final QualifiedName node;
      final List<QualifiedName> successors;
      int next;

      Frame(QualifiedName node, List<QualifiedName> successors) {
        this.node = node;
        this.successors = successors;
      }
    }
  }
}
