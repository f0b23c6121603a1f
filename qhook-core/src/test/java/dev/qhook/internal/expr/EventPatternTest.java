package dev.qhook.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventPatternTest {

  @ParameterizedTest
  @CsvSource(
      quoteCharacter = '`',
      value = {
        "*, order.paid, true",
        "*, push, true",
        "order.paid, order.paid, true",
        "order.paid, order.paid.x, false",
        "order.paid, order, false",
        "order.*, order.paid, true",
        "order.*, order.refund.created, true",
        "order.*, order, false",
        "order.*, orders.x, false",
        "order.*, xorder.paid, false",
        "a.b.*, a.b.c, true",
        "a.b.*, a.bc, false",
        "run:completed, run:completed, true",
        "orders/create, orders/create, true",
        "Push Hook, Push Hook, true",
        "Issue.create, issue.create, false",
      })
  void matchesPerSpec(String pattern, String type, boolean expected) {
    assertThat(EventPattern.parse(pattern).matches(type)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "order*     | unexpected '*' at column 6 (use '*' alone or a final '.*' as in 'order.*')",
        "*.paid     | unexpected '*' at column 1 (use '*' alone or a final '.*' as in 'order.*')",
        "a.*.b      | unexpected '*' at column 3 (use '*' alone or a final '.*' as in 'order.*')",
        "*.*        | unexpected '*' at column 1 (use '*' alone or a final '.*' as in 'order.*')",
        "**         | unexpected '*' at column 1 (use '*' alone or a final '.*' as in 'order.*')",
        ".*         | missing prefix before '.*' at column 1 (use '*' for any type)",
      })
  void rejectsOtherUsesOfTheStar(String pattern, String message) {
    assertThatThrownBy(() -> EventPattern.parse(pattern))
        .isInstanceOf(ExpressionException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsAnEmptyPattern() {
    assertThatThrownBy(() -> EventPattern.parse(""))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining("empty event pattern");
  }

  @Test
  void keepsItsText() {
    assertThat(EventPattern.parse("order.*")).hasToString("order.*");
    assertThat(EventPattern.parse("order.*")).isEqualTo(EventPattern.parse("order.*"));
  }
}
