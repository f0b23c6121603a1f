package dev.qhook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qhook.StoreException;
import dev.qhook.config.DatabaseConfig;
import dev.qhook.config.DatabaseDriver;
import dev.qhook.spi.Store;
import dev.qhook.spi.StoreProvider;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcStoreProviderTest {
  @TempDir Path dir;

  @Test
  void theServiceLoaderFindsTheProviderForSqlitePostgresAndMysql() {
    StoreProvider provider =
        ServiceLoader.load(StoreProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(JdbcStoreProvider.class::isInstance)
            .findFirst()
            .orElseThrow();

    assertThat(provider.supports(new DatabaseConfig(DatabaseDriver.SQLITE, "sqlite:q.db", 10)))
        .isTrue();
    assertThat(provider.supports(new DatabaseConfig(DatabaseDriver.POSTGRES, "postgres://h/d", 10)))
        .isTrue();
    assertThat(provider.supports(new DatabaseConfig(DatabaseDriver.MYSQL, "mysql://h/d", 10)))
        .isTrue();
  }

  @Test
  void aSqliteConfigOpensAWorkingStore() {
    DatabaseConfig config =
        new DatabaseConfig(DatabaseDriver.SQLITE, "sqlite:" + dir.resolve("q.db"), 3);
    try (Store store = new JdbcStoreProvider().create(config)) {
      store.migrate();
      assertThat(store.ping()).isTrue();
      assertThat(store.sharedAcrossInstances()).isFalse();
    }
  }

  @Test
  void anUnreachablePostgresGivesAClearErrorWithoutThePassword() {
    DatabaseConfig config =
        new DatabaseConfig(
            DatabaseDriver.POSTGRES, "postgres://qhook:topsecret@127.0.0.1:1/qhook", 2);

    assertThatThrownBy(() -> JdbcStore.fromConfig(config))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("connecting to PostgreSQL at jdbc:postgresql://127.0.0.1:1/qhook")
        .hasMessageNotContaining("topsecret");
  }
}
