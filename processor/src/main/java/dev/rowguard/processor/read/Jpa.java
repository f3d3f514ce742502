package dev.rowguard.processor.read;

/** Qualified names of the Jakarta Persistence annotations Rowguard reads. */
public final class Jpa {
  private static final String PACKAGE = "jakarta.persistence.";

  public static final String ENTITY = PACKAGE + "Entity";
  public static final String TABLE = PACKAGE + "Table";
  public static final String ID = PACKAGE + "Id";
  public static final String COLUMN = PACKAGE + "Column";
  public static final String BASIC = PACKAGE + "Basic";
  public static final String ENUMERATED = PACKAGE + "Enumerated";
  public static final String CONVERT = PACKAGE + "Convert";
  public static final String MANY_TO_ONE = PACKAGE + "ManyToOne";
  public static final String ONE_TO_ONE = PACKAGE + "OneToOne";
  public static final String ONE_TO_MANY = PACKAGE + "OneToMany";
  public static final String MANY_TO_MANY = PACKAGE + "ManyToMany";
  public static final String ELEMENT_COLLECTION = PACKAGE + "ElementCollection";
  public static final String EMBEDDED = PACKAGE + "Embedded";
  public static final String EMBEDDED_ID = PACKAGE + "EmbeddedId";
  public static final String JOIN_COLUMN = PACKAGE + "JoinColumn";
  public static final String TRANSIENT = PACKAGE + "Transient";
  public static final String VERSION = PACKAGE + "Version";
  public static final String GENERATED_VALUE = PACKAGE + "GeneratedValue";
  public static final String MAPPED_SUPERCLASS = PACKAGE + "MappedSuperclass";

  private Jpa() {}
}
