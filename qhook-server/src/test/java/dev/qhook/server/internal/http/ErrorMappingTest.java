package dev.qhook.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.StoreException;
import dev.qhook.StoreRefusedException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {

  @Test
  void aValueTheDatabaseRefusesIsTheClientsMistakeNotAnOutage() {
    Response refused =
        ErrorMapping.of(
            "GET",
            "/api/jobs/x",
            new CompletionException(
                new StoreRefusedException(
                    "reading job x", "the id contains a NUL character", null)));
    Response failed =
        ErrorMapping.of("GET", "/api/jobs/x", new StoreException("reading job x: connection lost"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.headers()).doesNotContainKey("Retry-After");
    assertThat(failed.status()).isEqualTo(503);
  }
}
