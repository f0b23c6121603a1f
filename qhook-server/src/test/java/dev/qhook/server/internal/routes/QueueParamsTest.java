package dev.qhook.server.internal.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.server.internal.http.ApiException;
import dev.qhook.server.internal.http.ServerJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueueParamsTest {
  @Test
  void batchDefaultsToOneAndCountsAnythingAboveOneHundredAsOneHundred() {
    assertThat(QueueParams.batch(null)).isEqualTo(1);
    assertThat(QueueParams.batch("")).isEqualTo(1);
    assertThat(QueueParams.batch("7")).isEqualTo(7);
    assertThat(QueueParams.batch("100")).isEqualTo(100);
    assertThat(QueueParams.batch("101")).isEqualTo(100);
    assertThat(QueueParams.batch("99999999999")).isEqualTo(100);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "ten", "1.5", "999999999999999999999"})
  void aBatchThatIsNotAPositiveIntegerIsABadRequestNamingIt(String batch) {
    assertThatThrownBy(() -> QueueParams.batch(batch))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessage(
            "batch: must be an integer from 1 to 100 (larger values count as 100), was '"
                + batch
                + "'");
  }

  @Test
  void waitTakesDurationsOrSecondsAndCountsAnythingAboveThirtySecondsAsThirty() {
    assertThat(QueueParams.waitTime(null)).isZero();
    assertThat(QueueParams.waitTime("0")).isZero();
    assertThat(QueueParams.waitTime("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(QueueParams.waitTime("20")).isEqualTo(Duration.ofSeconds(20));
    assertThat(QueueParams.waitTime("20s")).isEqualTo(Duration.ofSeconds(20));
    assertThat(QueueParams.waitTime("31s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(QueueParams.waitTime("2m")).isEqualTo(Duration.ofSeconds(30));
    assertThat(QueueParams.waitTime("999999999h")).isEqualTo(Duration.ofSeconds(30));
  }

  @ParameterizedTest
  @ValueSource(strings = {"forever", "-1s", "10 s", "1.5s", "3d"})
  void aWaitThatIsNotADurationIsABadRequestNamingIt(String wait) {
    assertThatThrownBy(() -> QueueParams.waitTime(wait))
        .isInstanceOf(ApiException.class)
        .hasMessageStartingWith("wait: must be a duration");
  }

  @Test
  void secondsAreNumbersWithinTheirRangeToTheMillisecond() {
    assertThat(QueueParams.seconds(json("{\"delay\":1.5}"), "delay", 0))
        .isEqualTo(Duration.ofMillis(1500));
    assertThat(QueueParams.seconds(json("{\"delay\":0}"), "delay", 0)).isZero();
    assertThat(QueueParams.seconds(json("{}"), "delay", 0)).isNull();
    assertThat(QueueParams.seconds(json("{\"delay\":null}"), "delay", 0)).isNull();
    assertThat(QueueParams.requiredSeconds(json("{\"seconds\":43200}"), "seconds", 1))
        .isEqualTo(Duration.ofHours(12));
    assertThatThrownBy(() -> QueueParams.seconds(json("{\"delay\":43201}"), "delay", 0))
        .hasMessage("delay: must be a number of seconds from 0 to 43200, was 43201");
    assertThatThrownBy(() -> QueueParams.seconds(json("{\"delay\":\"5\"}"), "delay", 0))
        .hasMessage("delay: must be a number of seconds from 0 to 43200, was \"5\"");
    assertThatThrownBy(() -> QueueParams.requiredSeconds(json("{}"), "seconds", 1))
        .hasMessage("seconds: required, a number of seconds from 1 to 43200");
  }

  @Test
  void idsMustBeAnArrayOfStrings() {
    assertThat(QueueParams.ids(json("{\"ids\":[\"a\",\"b\"]}"))).containsExactly("a", "b");
    assertThat(QueueParams.ids(json("{\"ids\":[]}"))).isEmpty();
    assertThatThrownBy(() -> QueueParams.ids(json("{\"ids\":\"a\"}")))
        .hasMessage("ids: must be an array of message ids");
    assertThatThrownBy(() -> QueueParams.ids(json("{\"ids\":[1]}")))
        .hasMessage("ids: must be an array of message ids (strings)");
  }

  private static JsonNode json(String text) {
    return ServerJson.requireObjectOrEmpty(text.getBytes(StandardCharsets.UTF_8));
  }
}
