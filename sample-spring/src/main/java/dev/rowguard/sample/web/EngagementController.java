package dev.rowguard.sample.web;

import dev.rowguard.runtime.Tenant;
import dev.rowguard.runtime.TenantContext;
import dev.rowguard.sample.data.EngagementRepository;
import dev.rowguard.sample.domain.Engagement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The bound client account's engagements, and each engagement's dependency graph. */
@RestController
class EngagementController {
  private final EngagementRepository engagements;
  private final DependencyGraphs graphs;

  EngagementController(EngagementRepository engagements, DependencyGraphs graphs) {
    this.engagements = engagements;
    this.graphs = graphs;
  }

  /** A new engagement's details. */
  record NewEngagement(String name, Engagement.TargetCloud targetCloud) {}

  @GetMapping("/engagements")
  List<Engagement> list() {
    return engagements.findAll().sorted(Comparator.comparing(Engagement::name)).toList();
  }

  @PostMapping("/engagements")
  @ResponseStatus(HttpStatus.CREATED)
  Engagement create(@RequestBody NewEngagement engagement) {
    if (engagement.name() == null || engagement.name().isBlank()) {
      throw new InvalidRequestException("an engagement needs a name");
    }
    // The client account is the bound tenant's: the repository fills it in.
    return engagements.insert(new Engagement(UUID.randomUUID(), null, engagement.name(),
        Engagement.Status.PLANNING, engagement.targetCloud(), null, null, Instant.now()));
  }

  /**
   * The engagement's assets and dependencies. The request may bind its client account only: the engagement is
   * looked up as that client's (404 if it is not one of them), and the graph is read bound to the engagement,
   * a tenant built from the request's own client account.
   */
  @GetMapping("/engagements/{id}/dependency-graph")
  DependencyGraph dependencyGraph(@PathVariable UUID id) {
    Engagement engagement = engagements.findById(id).orElseThrow(() -> new NotFoundException("engagement " + id));
    Tenant bound = TenantContext.require();
    Tenant narrowed = bound.keys().tenant(engagement.clientAccountId(), engagement.id());
    return TenantContext.call(narrowed, () -> graphs.of(engagement));
  }
}
