package dev.rowguard.processor.store;

import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Insert;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.UUID;

/** A record entity with a reference, through BasicRepository. */
@Repository
public interface ReviewRepository extends BasicRepository<Review, UUID> {
  List<Review> findByProductOrderByRatingDesc(Product product);

  List<Review> findByRatingGreaterThanEqual(int rating);

  @Insert
  Review add(Review review);

  @Insert
  List<Review> addAll(List<Review> reviews);
}
