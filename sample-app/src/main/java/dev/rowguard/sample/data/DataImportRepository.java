package dev.rowguard.sample.data;

import dev.rowguard.sample.domain.DataImport;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.UUID;

/** The bound engagement's uploaded discovery files. */
@Repository
public interface DataImportRepository extends CrudRepository<DataImport, UUID> {
  List<DataImport> findByStatusOrderByFilename(DataImport.Status status);
}
