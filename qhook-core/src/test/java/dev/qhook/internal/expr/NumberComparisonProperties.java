package dev.qhook.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

/**
 * Any JSON number, however large, small or long, compares with any literal without throwing, and
 * exactly whenever its exponent is within ±1000 (docs/reference/configuration.md, "Filters").
 */
class NumberComparisonProperties {
  private static final List<String> ORDERINGS = List.of("==", "!=", ">", ">=", "<", "<=");

  /**
   * A body parsed the way the engine parses events ({@code {"n": <number>}}) compares with a
   * numeric literal exactly as the two decimal values compare.
   */
  @Property(tries = 2000)
  void aParsedNumberComparesExactlyWithALiteral(
      @ForAll("jsonNumbers") String number,
      @ForAll("jsonNumbers") String literal,
      @ForAll("orderings") String operator) {
    JsonNode body = parseBody(number);
    Filter filter = Filter.parse("$.n " + operator + " " + literal);

    boolean result = filter.test(body);

    assertThat(result)
        .as("%s %s %s", number, operator, literal)
        .isEqualTo(expected(number, operator, literal));
  }

  /** The other predicates that read numbers never throw either. */
  @Property(tries = 1000)
  void everyPredicateOnAParsedNumberAnswers(
      @ForAll("jsonNumbers") String number, @ForAll("jsonNumbers") String literal) {
    JsonNode body = parseBody("[" + number + "]");
    for (String filter :
        List.of(
            "$.n",
            "$.n in [" + literal + ", 'x']",
            "$.n contains " + literal,
            "not $.n[0] == " + literal)) {
      assertThatCode(() -> Filter.parse(filter).test(body)).as(filter).doesNotThrowAnyException();
    }
    assertThatCode(() -> Template.parse("{\"n\": {{ $.n[0] }}}").render(body))
        .doesNotThrowAnyException();
    assertThatCode(() -> JsonPath.parse("$.n[0]").resolveKey(body)).doesNotThrowAnyException();
  }

  /**
   * Numbers built in code (an embedding application's own trees) include what JSON text cannot
   * write: NaN and the infinities.
   */
  @Property(tries = 1000)
  void anyNumberNodeComparesWithoutThrowing(
      @ForAll("numberNodes") JsonNode number,
      @ForAll("jsonNumbers") String literal,
      @ForAll("orderings") String operator) {
    ObjectNode body = JsonNodeFactory.instance.objectNode().set("n", number);

    assertThatCode(() -> Filter.parse("$.n " + operator + " " + literal).test(body))
        .doesNotThrowAnyException();
    assertThatCode(() -> Filter.parse("$.n").test(body)).doesNotThrowAnyException();
    assertThatCode(() -> Template.parse("{{ $.n }}").render(body)).doesNotThrowAnyException();
    assertThatCode(() -> JsonPath.parse("$.n").resolveKey(body)).doesNotThrowAnyException();
  }

  @Property(tries = 200)
  void nanEqualsNothingAndOrdersWithNothing(
      @ForAll("jsonNumbers") String literal, @ForAll("orderings") String operator) {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("n", Double.NaN);

    assertThat(Filter.parse("$.n " + operator + " " + literal).test(body))
        .isEqualTo(operator.equals("!="));
    assertThat(Filter.parse("$.n").test(body)).isFalse();
  }

  @Property(tries = 200)
  void infinityIsBeyondEveryLiteral(
      @ForAll("jsonNumbers") String literal, @ForAll boolean positive) {
    ObjectNode body =
        JsonNodeFactory.instance
            .objectNode()
            .put("n", positive ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
    boolean literalIsNumber = decimal(literal) != null;

    assertThat(Filter.parse("$.n > " + literal).test(body)).isEqualTo(literalIsNumber && positive);
    assertThat(Filter.parse("$.n < " + literal).test(body)).isEqualTo(literalIsNumber && !positive);
    assertThat(Filter.parse("$.n == " + literal).test(body)).isFalse();
    assertThat(Filter.parse("$.n").test(body)).isTrue();
  }

  @Property(tries = 300)
  void aNumberThatFitsRendersAsAValueEqualToIt(@ForAll("jsonNumbers") String number) {
    BigDecimal exact = exactlyRead(number);
    if (exact == null) {
      return;
    }
    JsonNode body = parseBody(number);

    String rendered = Template.parse("{{ $.n }}").render(body);
    String key = JsonPath.parse("$.n").resolveKey(body).orElseThrow();

    assertThat(new BigDecimal(rendered)).isEqualByComparingTo(exact);
    assertThat(new BigDecimal(key)).isEqualByComparingTo(exact);
  }

  @Provide
  Arbitrary<String> orderings() {
    return Arbitraries.of(ORDERINGS);
  }

  /** JSON number texts: up to 60 digits, exponents from small to far beyond an int. */
  @Provide
  Arbitrary<String> jsonNumbers() {
    Arbitrary<String> integerPart =
        Arbitraries.oneOf(
            Arbitraries.just("0"),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(60).map(d -> "1" + d),
            Arbitraries.integers().between(1, 999).map(String::valueOf));
    Arbitrary<String> fraction =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40).map(d -> "." + d));
    Arbitrary<String> exponent =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Arbitraries.integers().between(-30, 30).map(e -> "e" + e),
            Arbitraries.integers().between(-1100, 1100).map(e -> "E" + e),
            Arbitraries.longs()
                .between(Integer.MAX_VALUE - 70L, Integer.MAX_VALUE + 70L)
                .map(e -> "e" + e),
            Arbitraries.longs()
                .between(Integer.MAX_VALUE - 70L, Integer.MAX_VALUE + 70L)
                .map(e -> "e-" + e),
            Arbitraries.longs().between(1, 99_999_999_999_999L).map(e -> "e+" + e));
    return Combinators.combine(Arbitraries.of("", "-"), integerPart, fraction, exponent)
        .as((sign, i, f, e) -> sign + i + f + e);
  }

  @Provide
  Arbitrary<JsonNode> numberNodes() {
    return Arbitraries.oneOf(
        Arbitraries.doubles()
            .withSpecialValue(Double.NaN)
            .withSpecialValue(Double.POSITIVE_INFINITY)
            .withSpecialValue(Double.NEGATIVE_INFINITY)
            .withSpecialValue(Double.MAX_VALUE)
            .withSpecialValue(Double.MIN_VALUE)
            .withSpecialValue(-0.0)
            .map(DoubleNode::valueOf),
        Arbitraries.floats()
            .withSpecialValue(Float.NaN)
            .withSpecialValue(Float.POSITIVE_INFINITY)
            .map(FloatNode::valueOf),
        Arbitraries.longs().map(LongNode::valueOf),
        Arbitraries.bigIntegers()
            .between(BigInteger.TEN.pow(80).negate(), BigInteger.TEN.pow(80))
            .map(BigIntegerNode::valueOf),
        Combinators.combine(
                Arbitraries.bigIntegers()
                    .between(BigInteger.valueOf(-999), BigInteger.valueOf(999)),
                Arbitraries.oneOf(
                    Arbitraries.integers().between(-50, 50),
                    Arbitraries.of(Integer.MAX_VALUE, Integer.MIN_VALUE + 1, -999_999_999)))
            .as(BigDecimal::new)
            .map(DecimalNode::valueOf));
  }

  private static JsonNode parseBody(String number) {
    byte[] bytes = ("{\"n\": " + number + "}").getBytes(StandardCharsets.UTF_8);
    JsonNode body = dev.qhook.internal.json.Json.parseOrNull(bytes);
    assertThat(body).as("parsed %s", number).isNotNull();
    return body;
  }

  /**
   * The oracle: exact when the number's exponent is within ±1000, else the number is read as a
   * double (so it is 0 or an infinity); a literal whose exponent does not fit a BigDecimal is text,
   * which no number equals or orders with.
   */
  private static boolean expected(String number, String operator, String literal) {
    BigDecimal right = decimal(literal);
    if (right == null) {
      return operator.equals("!=");
    }
    BigDecimal left = exactlyRead(number);
    int sign;
    if (left != null) {
      sign = left.compareTo(right);
    } else {
      double d = Double.parseDouble(number);
      sign = Double.isInfinite(d) ? (d > 0 ? 1 : -1) : BigDecimal.valueOf(d).compareTo(right);
    }
    return switch (operator) {
      case "==" -> sign == 0;
      case "!=" -> sign != 0;
      case ">" -> sign > 0;
      case ">=" -> sign >= 0;
      case "<" -> sign < 0;
      case "<=" -> sign <= 0;
      default -> throw new IllegalArgumentException(operator);
    };
  }

  /** The value, when the engine reads it exactly: its exponent is within ±1000. */
  private static @Nullable BigDecimal exactlyRead(String number) {
    BigDecimal value = decimal(number);
    if (value == null) {
      return null;
    }
    long exponent = (long) value.precision() - value.scale() - 1;
    return Math.abs(exponent) <= 1000 ? value : null;
  }

  private static @Nullable BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException exponentOutOfRange) {
      return null;
    }
  }
}
