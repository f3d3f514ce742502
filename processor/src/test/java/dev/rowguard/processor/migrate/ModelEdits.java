package dev.rowguard.processor.migrate;

import com.google.testing.compile.JavaFileObjects;
import dev.rowguard.processor.RandomEntities.EntitySpec;
import dev.rowguard.processor.RandomEntities.FieldSpec;
import dev.rowguard.processor.RandomEntities.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.JavaFileObject;

/**
 * Random edits of a random model, as a team makes them between releases: columns added, renamed
 * ({@code @RenamedFrom}), retyped (widening and narrowing), made NOT NULL or nullable, removed; enum values added,
 * removed and renamed; indexes changed; tables renamed; entities made tenanted or shared (keeping every shared
 * entity's references to shared ones, as the processor requires); entities removed (with the references to them);
 * keys made generated or assigned ({@code @GeneratedValue} added or removed) or retyped between {@code UUID} and
 * {@code long}. A removed entity keeps its position in {@link #model()}, so that entity i of one model is entity i
 * of the other and references resolve as before; {@link #sources()} leaves it out.
 */
final class ModelEdits {
  private static final List<String> WORDS = List.of("host", "name", "cpu", "owner", "status", "score", "phase");
  private static final List<List<Kind>> RETYPES = List.of(
      List.of(Kind.STRING, Kind.VARCHAR), List.of(Kind.SHORT, Kind.INT, Kind.LONG),
      List.of(Kind.INTEGER, Kind.LONG_WRAPPER), List.of(Kind.FLOAT, Kind.DOUBLE), List.of(Kind.DECIMAL),
      List.of(Kind.UUID, Kind.STRING), List.of(Kind.LOCAL_DATE, Kind.STRING), List.of(Kind.BOOLEAN_WRAPPER, Kind.STRING));

  private final Random random;
  private final List<EntitySpec> model;
  final List<String> log = new ArrayList<>();
  /** The positions of the removed entities. */
  final Set<Integer> removed = new TreeSet<>();

  private ModelEdits(Random random, List<EntitySpec> model) {
    this.random = random;
    this.model = new ArrayList<>(model);
  }

  /** The model after one to three random edits, each named in {@link #log}. */
  static ModelEdits apply(List<EntitySpec> model, long seed) {
    ModelEdits edits = new ModelEdits(new Random(seed), model);
    int count = 1 + edits.random.nextInt(3);
    for (int i = 0; i < count; i++) {
      edits.one();
    }
    edits.dropReferencesToRemoved();
    return edits;
  }

  /** Every entity, the removed ones included (at their positions). */
  List<EntitySpec> model() {
    return List.copyOf(model);
  }

  /** The sources of the entities that were not removed. */
  List<JavaFileObject> sources() {
    List<JavaFileObject> sources = new ArrayList<>();
    for (int i = 0; i < model.size(); i++) {
      if (!removed.contains(i)) {
        sources.add(JavaFileObjects.forSourceString("random." + model.get(i).name(), model.get(i).source(model)));
      }
    }
    return sources;
  }

  private void one() {
    List<Integer> live = new ArrayList<>();
    for (int i = 0; i < model.size(); i++) {
      if (!removed.contains(i)) {
        live.add(i);
      }
    }
    int e = live.get(random.nextInt(live.size()));
    EntitySpec entity = model.get(e);
    List<FieldSpec> fields = new ArrayList<>(entity.fields());
    int f = fields.isEmpty() ? -1 : random.nextInt(fields.size());
    switch (random.nextInt(12)) {
      case 0 -> { // A column added: not unique (a backfill gives every row one value), a reference optional.
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        int target = random.nextInt(5);
        if (kind == Kind.REFERENCE && !entity.tenanted() && model.get(target % model.size()).tenanted()) {
          kind = Kind.STRING; // A shared row may not point into a tenant.
        }
        int flags = random.nextInt(16) & ~2 & (kind == Kind.REFERENCE ? ~1 : ~0);
        String word = WORDS.get(random.nextInt(WORDS.size()));
        FieldSpec added = new FieldSpec("added" + Character.toUpperCase(word.charAt(0)) + word.substring(1), kind,
            1 + random.nextInt(60), target, flags);
        fields.add(added);
        replace(e, entity.withFields(dedupe(fields)), "column added to " + entity.name() + ": " + added);
      }
      case 1 -> {
        if (f >= 0 && fields.get(f).renamedFrom() == null) {
          FieldSpec field = fields.get(f);
          String newName = "renamed" + Character.toUpperCase(field.name().charAt(0)) + field.name().substring(1);
          fields.set(f, field.renamed(newName, oldColumn(field)));
          replace(e, entity.withFields(dedupe(fields)), "column renamed in " + entity.name() + ": " + field.name());
        }
      }
      case 2 -> {
        if (f >= 0) {
          FieldSpec field = fields.get(f);
          for (List<Kind> group : RETYPES) {
            if (group.contains(field.kind())) {
              Kind kind = group.get(random.nextInt(group.size()));
              fields.set(f, field.with(kind, 1 + random.nextInt(60), field.flags()));
              replace(e, entity.withFields(fields), "column retyped in " + entity.name() + ": " + field + " -> "
                  + fields.get(f));
              break;
            }
          }
        }
      }
      case 3 -> {
        if (f >= 0 && fields.get(f).kind() != Kind.REFERENCE) {
          FieldSpec field = fields.get(f);
          fields.set(f, field.with(field.kind(), field.size(), field.flags() ^ 1));
          replace(e, entity.withFields(fields), "nullability flipped in " + entity.name() + ": " + field.name());
        }
      }
      case 4 -> {
        if (f >= 0) {
          log.add("column removed from " + entity.name() + ": " + fields.remove(f).name());
          model.set(e, entity.withFields(fields));
        }
      }
      case 5 -> levels(e, entity);
      case 6 -> {
        List<Integer> indexed = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
          indexed.add(random.nextInt(10));
        }
        replace(e, entity.withIndexed(indexed), "indexes of " + entity.name() + ": " + indexed);
      }
      case 7 -> {
        if (entity.renamedFrom() == null) {
          replace(e, entity.renamed("R" + entity.name(), entity.table()), "table renamed: " + entity.name());
        }
      }
      case 10 -> {
        if (live.size() > 1) {
          removed.add(e);
          log.add("entity removed: " + entity.name());
        }
      }
      case 11 -> {
        // Mostly the generation (an identity or a UUID default added or dropped), sometimes the key's type.
        boolean retyped = random.nextInt(3) == 0;
        EntitySpec changed = retyped ? entity.withId(!entity.uuidId(), entity.assignedId())
            : entity.withId(entity.uuidId(), !entity.assignedId());
        replace(e, changed, "key of " + entity.name() + ": " + key(entity) + " -> " + key(changed));
      }
      default -> tenancy(e, !entity.tenanted());
    }
  }

  private static String key(EntitySpec entity) {
    return (entity.uuidId() ? "UUID" : "long") + (entity.assignedId() ? ", assigned" : ", generated");
  }

  /** A field of an entity that was not removed and refers to one that was goes with it. */
  private void dropReferencesToRemoved() {
    for (int i = 0; i < model.size(); i++) {
      EntitySpec entity = model.get(i);
      List<FieldSpec> kept = entity.fields().stream().filter(f -> f.kind() != Kind.REFERENCE
          || !removed.contains(f.target() % model.size())).toList();
      if (!removed.contains(i) && kept.size() < entity.fields().size()) {
        replace(i, entity.withFields(kept), "references to removed entities dropped from " + entity.name());
      }
    }
  }

  private void levels(int e, EntitySpec entity) {
    List<String> levels = new ArrayList<>(entity.levels());
    int i = random.nextInt(levels.size());
    switch (random.nextInt(3)) {
      case 0 -> levels.add("CRITICAL" + levels.size());
      case 1 -> {
        if (levels.size() > 1) {
          levels.remove(i);
        }
      }
      default -> {
        if (!levels.get(i).startsWith("@")) {
          levels.set(i, "@RenamedFrom(\"" + levels.get(i) + "\") " + levels.get(i) + "_NEW");
        }
      }
    }
    replace(e, entity.withLevels(levels), "levels of " + entity.name() + ": " + levels);
  }

  /**
   * Makes the entity tenanted (with every entity that refers to it, as a shared row may not point into a tenant)
   * or shared (with every entity it refers to, for the same reason).
   */
  private void tenancy(int e, boolean tenanted) {
    Set<Integer> flip = new HashSet<>();
    List<Integer> todo = new ArrayList<>(List.of(e));
    while (!todo.isEmpty()) {
      int next = todo.remove(todo.size() - 1);
      if (removed.contains(next) || !flip.add(next)) {
        continue;
      }
      for (int other = 0; other < model.size(); other++) {
        boolean related = tenanted ? refersTo(other, next) : refersTo(next, other);
        if (related && model.get(other).tenanted() != tenanted) {
          todo.add(other);
        }
      }
    }
    for (int i : flip) {
      log.add((tenanted ? "made tenanted: " : "made shared: ") + model.get(i).name());
      model.set(i, model.get(i).withTenanted(tenanted));
    }
  }

  private boolean refersTo(int from, int to) {
    return model.get(from).fields().stream()
        .anyMatch(f -> f.kind() == Kind.REFERENCE && f.target() % model.size() == to);
  }

  private void replace(int e, EntitySpec entity, String what) {
    model.set(e, entity);
    log.add(what);
  }

  private static String oldColumn(FieldSpec field) {
    return field.kind() == Kind.REFERENCE ? field.column() + "_id" : field.column();
  }

  private static List<FieldSpec> dedupe(List<FieldSpec> fields) {
    return dev.rowguard.processor.RandomEntities.dedupe(fields);
  }
}
