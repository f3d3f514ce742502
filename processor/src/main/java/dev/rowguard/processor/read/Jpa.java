package dev.rowguard.processor.read;

/** Qualified names of the Jakarta Persistence annotations Rowguard reads. */
final class Jpa {
  private static final String PACKAGE = "jakarta.persistence.";

  static final String ENTITY = PACKAGE + "Entity";
  static final String TABLE = PACKAGE + "Table";
  static final String ID = PACKAGE + "Id";
  static final String COLUMN = PACKAGE + "Column";
  static final String BASIC = PACKAGE + "Basic";
  static final String ENUMERATED = PACKAGE + "Enumerated";
  static final String MANY_TO_ONE = PACKAGE + "ManyToOne";
  static final String ONE_TO_ONE = PACKAGE + "OneToOne";
  static final String ONE_TO_MANY = PACKAGE + "OneToMany";
  static final String MANY_TO_MANY = PACKAGE + "ManyToMany";
  static final String ELEMENT_COLLECTION = PACKAGE + "ElementCollection";
  static final String EMBEDDED = PACKAGE + "Embedded";
  static final String EMBEDDED_ID = PACKAGE + "EmbeddedId";
  static final String JOIN_COLUMN = PACKAGE + "JoinColumn";
  static final String TRANSIENT = PACKAGE + "Transient";
  static final String VERSION = PACKAGE + "Version";
  static final String GENERATED_VALUE = PACKAGE + "GeneratedValue";
  static final String MAPPED_SUPERCLASS = PACKAGE + "MappedSuperclass";

  private Jpa() {}
}
