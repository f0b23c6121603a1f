package dev.qhook.testkit;

import dev.qhook.Admin;
import dev.qhook.QHook;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link QHookTest}: starts a {@link QHookTester} before each test and
 * closes it after.
 */
public final class QHookExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(QHookExtension.class);
  private static final Set<Class<?>> PROVIDED =
      Set.of(
          QHookTester.class, QHook.class, RecordingReceiver.class, ManualClock.class, Admin.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    tester(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    QHookTester tester = context.getStore(NS).remove(QHookTester.class, QHookTester.class);
    if (tester != null) {
      tester.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return PROVIDED.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    QHookTester tester = tester(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == QHook.class) {
      return tester.qhook();
    }
    if (type == RecordingReceiver.class) {
      return tester.receiver();
    }
    if (type == ManualClock.class) {
      return tester.clock();
    }
    if (type == Admin.class) {
      return tester.admin();
    }
    return tester;
  }

  private static QHookTester tester(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NS);
    QHookTester tester = store.get(QHookTester.class, QHookTester.class);
    if (tester == null) {
      QHookTest spec = annotation(context);
      tester = QHookTester.start(yaml(spec, context), spec.store(), Instant.parse(spec.start()));
      store.put(QHookTester.class, tester);
    }
    return tester;
  }

  private static QHookTest annotation(ExtensionContext context) {
    Optional<QHookTest> onMethod =
        context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, QHookTest.class));
    return onMethod
        .or(
            () ->
                context
                    .getTestClass()
                    .flatMap(c -> AnnotationSupport.findAnnotation(c, QHookTest.class)))
        .orElseThrow(
            () ->
                new ExtensionConfigurationException(
                    "QHookExtension needs @QHookTest on the test class or method"));
  }

  private static String yaml(QHookTest spec, ExtensionContext context) {
    if (!spec.yaml().isEmpty() && !spec.resource().isEmpty()) {
      throw new ExtensionConfigurationException("@QHookTest: give yaml or resource, not both");
    }
    if (!spec.yaml().isEmpty()) {
      return spec.yaml();
    }
    if (spec.resource().isEmpty()) {
      throw new ExtensionConfigurationException("@QHookTest: give yaml or resource");
    }
    Class<?> owner = context.getRequiredTestClass();
    try (InputStream in = owner.getResourceAsStream(spec.resource())) {
      if (in == null) {
        throw new ExtensionConfigurationException(
            "@QHookTest: no class-path resource " + spec.resource());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
