package dev.qhook.internal.ingest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qhook.InvalidEventException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The limits of event values (docs/reference/http-api.md, "Limits of event values"). */
class EventValuesTest {

  @Test
  void anyTextWithoutControlCharactersIsAValidEventType() {
    assertThatCode(() -> EventValues.checkEventType("заказ.создан – €5 🎉\twith tab"))
        .doesNotThrowAnyException();
    assertThatCode(() -> EventValues.checkEventType("x".repeat(256))).doesNotThrowAnyException();
  }

  @Test
  void lengthsCountCharactersNotUtf16Units() {
    assertThatCode(() -> EventValues.checkEventType("🎉".repeat(256))).doesNotThrowAnyException();
    assertThatThrownBy(() -> EventValues.checkEventType("🎉".repeat(257)))
        .hasMessage("event type: must be at most 256 characters, was 257");
  }

  @Test
  void controlCharactersAndDeleteAreRefusedNamingTheirPosition() {
    assertThatThrownBy(() -> EventValues.checkEventType("a\u007f"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("event type: must not contain control characters (U+007F at index 1)");
    assertThatThrownBy(() -> EventValues.checkEventType(""))
        .hasMessage("event type: must not be empty");
    assertThatThrownBy(() -> EventValues.checkStoredHeaders(Map.of("content-type", "text/\rplain")))
        .hasMessage("header content-type: must not contain control characters (U+000D at index 5)");
  }

  /**
   * A stored header name no HTTP client can send (only an embedding application's HTTP stack can
   * pass one) would make every delivery fail.
   */
  @Test
  void storedHeaderNamesMustBeHttpTokens() {
    assertThatThrownBy(() -> EventValues.checkStoredHeaders(Map.of("ce-café", "x")))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("header ce-café: the name is not a valid HTTP header name");
    assertThatThrownBy(() -> EventValues.checkStoredHeaders(Map.of("ce-a\u0000b", "x")))
        .hasMessage("header ce-a\\u0000b: the name is not a valid HTTP header name");
    assertThatCode(() -> EventValues.checkStoredHeaders(Map.of("ce-my_ext.v1", "x")))
        .doesNotThrowAnyException();
  }

  @Test
  void keysMayHoldAnyCharacterButNul() {
    assertThatCode(() -> EventValues.checkKey("header Idempotency-Key", "a\nb\u0001"))
        .doesNotThrowAnyException();
    assertThatCode(() -> EventValues.checkKey("header Idempotency-Key", null))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> EventValues.checkOrderingKey("ordering key", "ab\u0000"))
        .isInstanceOfSatisfying(
            InvalidEventException.class,
            e -> {
              org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("ordering key");
              org.assertj.core.api.Assertions.assertThat(e.problem())
                  .isEqualTo("must not contain NUL (at index 2)");
            });
  }
}
