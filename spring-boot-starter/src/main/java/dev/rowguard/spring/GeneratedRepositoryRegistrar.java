package dev.rowguard.spring;

import java.beans.Introspector;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import javax.sql.DataSource;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.util.ClassUtils;

/**
 * Registers each repository listed in the processor's index ({@link GeneratedRepositories}) as a bean of its
 * interface, named after it ({@code AssetRepository} → {@code assetRepository}), built on {@link
 * RepositoryDataSources}. An application bean of the same name wins.
 */
final class GeneratedRepositoryRegistrar implements BeanDefinitionRegistryPostProcessor, BeanFactoryAware {
  private BeanFactory beanFactory;

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    this.beanFactory = beanFactory;
  }

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
    ClassLoader loader = ClassUtils.getDefaultClassLoader();
    for (GeneratedRepositories.Entry entry : GeneratedRepositories.find(loader)) {
      Class<?> repository = load(entry.repository(), entry, loader);
      String name = Introspector.decapitalize(repository.getSimpleName());
      if (registry.containsBeanDefinition(name)) {
        continue;
      }
      Constructor<?> constructor = constructor(load(entry.implementation(), entry, loader), entry);
      register(registry, name, repository, constructor, entry.tenanted());
    }
  }

  private <T> void register(BeanDefinitionRegistry registry, String name, Class<T> repository,
      Constructor<?> constructor, boolean tenanted) {
    RootBeanDefinition definition = new RootBeanDefinition(repository, () -> {
      RepositoryDataSources dataSources = beanFactory.getBean(RepositoryDataSources.class);
      return repository.cast(instantiate(constructor, tenanted ? dataSources.tenanted() : dataSources.shared()));
    });
    registry.registerBeanDefinition(name, definition);
  }

  private static Class<?> load(String name, GeneratedRepositories.Entry entry, ClassLoader loader) {
    try {
      return ClassUtils.forName(name, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException("the repository index " + entry.source() + " lists " + name
          + ", which is not on the class path; rebuild that module so that its index and classes agree", e);
    }
  }

  private static Constructor<?> constructor(Class<?> implementation, GeneratedRepositories.Entry entry) {
    try {
      return implementation.getConstructor(DataSource.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(implementation.getName() + " (listed in " + entry.source() + ") has no public"
          + " constructor taking a DataSource; rebuild it with the Rowguard processor of the starter's version", e);
    }
  }

  private static Object instantiate(Constructor<?> constructor, DataSource dataSource) {
    try {
      return constructor.newInstance(dataSource);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("constructing " + constructor.getDeclaringClass().getName() + " failed",
          e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("constructing " + constructor.getDeclaringClass().getName() + " failed", e);
    }
  }
}
