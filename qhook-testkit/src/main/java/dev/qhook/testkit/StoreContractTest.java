package dev.qhook.testkit;

import dev.qhook.spi.Store;
import dev.qhook.testkit.store.AppendContract;
import dev.qhook.testkit.store.AppendJobsContract;
import dev.qhook.testkit.store.ClaimContract;
import dev.qhook.testkit.store.CompletionContract;
import dev.qhook.testkit.store.ConcurrentClaimContract;
import dev.qhook.testkit.store.LostJobsContract;
import dev.qhook.testkit.store.OutboundContract;
import dev.qhook.testkit.store.QueryContract;
import dev.qhook.testkit.store.QueueAdminContract;
import dev.qhook.testkit.store.QueueReceiveContract;
import dev.qhook.testkit.store.RetentionContract;
import dev.qhook.testkit.store.RetryContract;
import dev.qhook.testkit.store.RunBatchContract;
import dev.qhook.testkit.store.RunContract;
import dev.qhook.testkit.store.RunInlineContract;
import dev.qhook.testkit.store.RunWakeContract;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The behaviour every {@link Store} must have. A store passes it with a subclass of a few lines:
 *
 * <pre>{@code
 * class MyStoreTest extends StoreContractTest {
 *   @Override
 *   protected Store createStore() {
 *     return new MyStore(...); // empty, one per test
 *   }
 * }
 * }</pre>
 *
 * <p>Each test gets a new store from {@link #createStore()}, calls {@link Store#migrate()} on it,
 * and closes it afterwards. The store must be empty. All times are passed explicitly, around a
 * fixed instant, so no test waits for time to pass. The tests are grouped by area in {@code
 * dev.qhook.testkit.store}.
 */
public abstract class StoreContractTest
    implements AppendContract,
        AppendJobsContract,
        ClaimContract,
        ConcurrentClaimContract,
        CompletionContract,
        LostJobsContract,
        OutboundContract,
        QueryContract,
        QueueReceiveContract,
        QueueAdminContract,
        RetryContract,
        RetentionContract,
        RunBatchContract,
        RunContract,
        RunInlineContract,
        RunWakeContract {

  private @Nullable Store store;

  /** A new, empty store for one test. */
  protected abstract Store createStore();

  @Override
  public Store store() {
    if (store == null) {
      throw new IllegalStateException("no store: the test has not started");
    }
    return store;
  }

  @BeforeEach
  void openStore() {
    store = createStore();
    store.migrate();
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
      store = null;
    }
  }
}
