package dev.rowguard.spring;

import dev.rowguard.runtime.TenantKeys;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The tenant of each servlet request: the {@link TenantResolver} (request headers unless the application or the
 * JWT configuration provides another), the filter that binds its tenant for the request, and the binding of an async
 * request's {@code Callable}.
 */
@AutoConfiguration(after = {RowguardAutoConfiguration.class, RowguardJwtAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({OncePerRequestFilter.class, FilterRegistrationBean.class})
public final class RowguardWebAutoConfiguration {
  /** After Spring Security's filter chain (order -100), so that a JWT is authenticated before its claims are read. */
  static final int FILTER_ORDER = 0;

  @Bean
  @ConditionalOnMissingBean
  TenantResolver rowguardTenantResolver(TenantKeys keys, RowguardProperties properties) {
    return new HeaderTenantResolver(keys, properties.tenant().header(), properties.tenant().headers());
  }

  /** The runtime's refusals inside handlers as problem details (with Spring MVC). */
  @Bean
  @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
  RowguardProblems rowguardProblems(TenantResolver resolver) {
    return new RowguardProblems(resolver);
  }

  @Bean
  FilterRegistrationBean<TenantBindingFilter> rowguardTenantFilter(TenantResolver resolver,
      RowguardProperties properties) {
    FilterRegistrationBean<TenantBindingFilter> registration =
        new FilterRegistrationBean<>(new TenantBindingFilter(resolver, properties.tenant().excludedPaths()));
    registration.setName("rowguardTenantFilter");
    registration.setOrder(FILTER_ORDER);
    return registration;
  }

  /** Spring MVC's {@code Callable}s run bound to their request's tenant. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(WebMvcConfigurer.class)
  static final class AsyncRequests {
    @Bean
    WebMvcConfigurer rowguardAsyncRequests() {
      return new WebMvcConfigurer() {
        @Override
        public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
          configurer.registerCallableInterceptors(new TenantCallableInterceptor());
        }
      };
    }
  }
}
