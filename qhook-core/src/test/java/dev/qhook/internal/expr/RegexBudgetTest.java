package dev.qhook.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * {@code matches} runs the operator's regex on text senders choose, within a budget of character
 * reads (docs/reference/configuration.md, "Filters"). The timeouts are hang guards: without the
 * budget these tests never finish.
 */
class RegexBudgetTest {
  private static ObjectNode body(String text) {
    return JsonNodeFactory.instance.objectNode().put("s", text);
  }

  /**
   * Issue 10 item 9: {@code (.*a){20}b} on "aaa...a!" backtracks about n^20 times (Java's regex
   * engine memoizes the classic {@code (a+)+$}, not this).
   */
  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void aCatastrophicRegexOnALongValueGivesUpAndIsFalse() {
    ObjectNode attack = body("a".repeat(5_000) + "!");

    assertThat(Filter.parse("$.s matches '(.*a){20}b'").test(attack)).isFalse();
    assertThat(Filter.parse("not $.s matches '(.*a){20}b'").test(attack)).isTrue();
    assertThat(Filter.parse("$.s matches '(.*a){20}x' or $.s starts_with 'aaa'").test(attack))
        .isTrue();
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void aShortCatastrophicValueGivesUpToo() {
    assertThat(Filter.parse("$.s matches '^(.*?,){30}P'").test(body("a,".repeat(40)))).isFalse();
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void anOrdinaryRegexOnALongValueStillMatches() {
    ObjectNode longValue = body("x y ".repeat(250_000) + "order-42");

    assertThat(Filter.parse("$.s matches 'o.*r-\\d+$'").test(longValue)).isTrue();
    assertThat(Filter.parse("$.s matches '^(x y )+order'").test(longValue)).isTrue();
    assertThat(Filter.parse("$.s matches '\\b(order|refund)-4'").test(longValue)).isTrue();
    assertThat(Filter.parse("$.s matches 'refund'").test(longValue)).isFalse();
  }

  /** Java's regex engine recurses per repetition of an alternation: a long value overflows. */
  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void aRegexThatWouldOverflowTheStackIsFalse() {
    ObjectNode deep = body("ab".repeat(200_000));

    assertThat(Filter.parse("$.s matches '^(a|b)+$'").test(deep)).isFalse();
    assertThat(Filter.parse("$.s matches '^(a|b)+$'").test(body("abba"))).isTrue();
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void theBudgetIsPerEvaluation() {
    Filter filter = Filter.parse("$.s matches '(.*a){3}b'");

    assertThat(filter.test(body("a".repeat(5_000) + "!"))).isFalse();
    assertThat(filter.test(body("xaxaxab"))).isTrue();
  }
}
