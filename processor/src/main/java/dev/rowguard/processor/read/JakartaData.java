package dev.rowguard.processor.read;

/** Names of the Jakarta Data 1.0 types repositories use, read by name so the API need not be on the processor path. */
public final class JakartaData {
  private static final String REPOSITORY_PACKAGE = "jakarta.data.repository.";
  public static final String REPOSITORY = REPOSITORY_PACKAGE + "Repository";
  public static final String DATA_REPOSITORY = REPOSITORY_PACKAGE + "DataRepository";
  public static final String BASIC_REPOSITORY = REPOSITORY_PACKAGE + "BasicRepository";
  public static final String CRUD_REPOSITORY = REPOSITORY_PACKAGE + "CrudRepository";
  public static final String FIND = REPOSITORY_PACKAGE + "Find";
  public static final String BY = REPOSITORY_PACKAGE + "By";
  public static final String INSERT = REPOSITORY_PACKAGE + "Insert";
  public static final String UPDATE = REPOSITORY_PACKAGE + "Update";
  public static final String DELETE = REPOSITORY_PACKAGE + "Delete";
  public static final String SAVE = REPOSITORY_PACKAGE + "Save";
  public static final String QUERY = REPOSITORY_PACKAGE + "Query";
  public static final String ORDER_BY = REPOSITORY_PACKAGE + "OrderBy";
  public static final String ORDER_BY_LIST = ORDER_BY + ".List";
  public static final String PARAM = REPOSITORY_PACKAGE + "Param";
  public static final String PAGE = "jakarta.data.page.Page";
  public static final String CURSORED_PAGE = "jakarta.data.page.CursoredPage";
  public static final String PAGE_REQUEST = "jakarta.data.page.PageRequest";
  public static final String ORDER = "jakarta.data.Order";
  public static final String SORT = "jakarta.data.Sort";
  public static final String LIMIT = "jakarta.data.Limit";
  /** {@code By.ID}: the entity's identifier, whatever the property is called. */
  public static final String ID = "id(this)";

  private JakartaData() {}
}
