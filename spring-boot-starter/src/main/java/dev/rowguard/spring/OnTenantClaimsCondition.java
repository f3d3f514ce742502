package dev.rowguard.spring;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code rowguard.tenant.claim} or any {@code rowguard.tenant.claims.<key>} is set. */
final class OnTenantClaimsCondition extends SpringBootCondition {
  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    Binder binder = Binder.get(context.getEnvironment());
    boolean claim = binder.bind("rowguard.tenant.claim", String.class).map(c -> !c.isBlank()).orElse(false);
    boolean claims = !binder.bind("rowguard.tenant.claims", Bindable.mapOf(String.class, String.class))
        .orElse(Map.of()).isEmpty();
    return claim || claims
        ? ConditionOutcome.match("rowguard.tenant.claim(s) configured")
        : ConditionOutcome.noMatch("neither rowguard.tenant.claim nor rowguard.tenant.claims.<key> is set");
  }
}
