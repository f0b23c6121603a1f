package dev.qhook.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test against its own started engine (docs/embedding.md, "Testing your integration"):
 * the config given here, a {@link RecordingReceiver} whose base URL replaces {@value
 * QHookTester#RECEIVER_URL} in the YAML, a {@link ManualClock} as the engine's clock, and the
 * in-memory store or a temporary SQLite file. Test methods receive any of {@link QHookTester},
 * {@link dev.qhook.QHook}, {@link RecordingReceiver}, {@link ManualClock} and {@link
 * dev.qhook.Admin} as parameters; everything is closed after the test. On a method it replaces the
 * class's annotation.
 *
 * <pre>{@code
 * @QHookTest(yaml = """
 *     sources: { app: { type: event } }
 *     handlers: { orders: { source: app, url: RECEIVER_URL/orders } }
 *     """)
 * class OrdersTest {
 *   @Test
 *   void delivers(QHookTester qhook) {
 *     String id = qhook.send("app", "order.created", "{}").eventId();
 *     qhook.awaitDelivered(id);
 *   }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(QHookExtension.class)
public @interface QHookTest {
  /** The config as YAML; {@value QHookTester#RECEIVER_URL} stands for the receiver's base URL. */
  String yaml() default "";

  /** A class-path resource holding the YAML, instead of {@link #yaml()}. */
  String resource() default "";

  /** Where the engine stores events and jobs. */
  StoreKind store() default StoreKind.MEMORY;

  /** The clock's starting instant (ISO-8601). */
  String start() default QHookTester.DEFAULT_START;

  /** The stores a test engine can run on. */
  enum StoreKind {
    /** {@link dev.qhook.memory.InMemoryStore}: fastest, nothing on disk. */
    MEMORY,
    /**
     * A fresh SQLite file in a temporary directory, deleted after the test; needs qhook-jdbc on the
     * test class path.
     */
    SQLITE
  }
}
