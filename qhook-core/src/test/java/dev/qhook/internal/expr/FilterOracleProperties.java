package dev.qhook.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property (a): a single comparison agrees with a straightforward oracle written from the predicate
 * table (docs/reference/configuration.md, "Filters").
 */
class FilterOracleProperties {
  /** Literal texts chosen so that equal and numeric matches happen often. */
  private static final List<String> LITERALS =
      List.of(
          "a", "b", "ab", "", "1", "2", "2.0", "-1", "1.5", "1e0", "true", "false", "null", "x y",
          "it's", "a\\b", "and", "(", "1,5", "\"q\"");

  private static final List<String> OPERATORS =
      List.of(
          "==",
          "!=",
          ">",
          ">=",
          "<",
          "<=",
          "contains",
          "starts_with",
          "ends_with",
          "in",
          "exists",
          "");

  /** Paths as written, each with an independent way to find its value ({@code path()}). */
  private static final List<PathCase> PATHS =
      List.of(
          new PathCase("$.f0", d -> d.path("f0")),
          new PathCase("f1", d -> d.path("f1")),
          new PathCase("$['f2']", d -> d.path("f2")),
          new PathCase("$.o.k", d -> d.path("o").path("k")),
          new PathCase("$.arr[0]", d -> d.path("arr").path(0)),
          new PathCase("$.arr[3]", d -> d.path("arr").path(3)),
          new PathCase("$.missing", d -> d.path("missing")));

  record PathCase(String text, Function<JsonNode, JsonNode> find) {}

  record Case(JsonNode document, PathCase path, String operator, List<String> literals) {
    String filterText() {
      String head = path.text();
      return switch (operator) {
        case "" -> head;
        case "exists" -> head + " exists";
        case "in" ->
            head
                + " in ["
                + String.join(", ", literals.stream().map(FilterOracleProperties::write).toList())
                + "]";
        default -> head + " " + operator + " " + write(literals.get(0));
      };
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    return Combinators.combine(
            documents(),
            Arbitraries.of(PATHS),
            Arbitraries.of(OPERATORS),
            Arbitraries.of(LITERALS).list().ofMinSize(1).ofMaxSize(3))
        .as(Case::new);
  }

  @Property(tries = 2000)
  void filterAgreesWithOracle(@ForAll("cases") Case c) {
    boolean actual = Filter.parse(c.filterText()).test(c.document());
    assertThat(actual)
        .as("%s on %s", c.filterText(), c.document())
        .isEqualTo(oracle(c.path().find().apply(c.document()), c.operator(), c.literals()));
  }

  static Arbitrary<JsonNode> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.of(LITERALS).map(TextNode::valueOf),
        Arbitraries.of(0, 1, 2, -1).map(IntNode::valueOf),
        Arbitraries.of(1.5, 2.0, -0.5).map(DoubleNode::valueOf),
        Arbitraries.of(new BigDecimal("2.00"), new BigDecimal("1E+0")).map(DecimalNode::valueOf),
        Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE, NullNode.getInstance()));
  }

  static Arbitrary<JsonNode> documents() {
    Arbitrary<JsonNode> field =
        Arbitraries.oneOf(
            scalars(),
            scalars().list().ofMaxSize(3).map(JsonArbitraries::array),
            scalars().map(v -> JsonArbitraries.object(java.util.Map.of("k", v))));
    return Arbitraries.maps(Arbitraries.of("f0", "f1", "f2", "o", "arr"), field)
        .ofMaxSize(5)
        .map(JsonArbitraries::object);
  }

  /** Writes a literal bare when it is a plain word, else single-quoted with escapes. */
  static String write(String literal) {
    boolean bare =
        !literal.isEmpty() && literal.chars().noneMatch(ch -> " '\"()[],=!<>\\".indexOf(ch) >= 0);
    return bare ? literal : "'" + literal.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  // ---- the oracle ----

  static boolean oracle(JsonNode found, String operator, List<String> literals) {
    JsonNode value = found.isMissingNode() ? null : found;
    String literal = literals.get(0);
    if (operator.equals("exists")) {
      return value != null;
    }
    if (value == null) {
      return operator.equals("!=");
    }
    return switch (operator) {
      case "" -> truthy(value);
      case "==" -> equal(value, literal);
      case "!=" -> !equal(value, literal);
      case ">", ">=", "<", "<=" -> ordered(value, operator, literal);
      case "contains" ->
          value.isTextual()
              ? value.textValue().contains(literal)
              : value.isArray() && containsEqual(value, literal);
      case "starts_with" -> value.isTextual() && value.textValue().startsWith(literal);
      case "ends_with" -> value.isTextual() && value.textValue().endsWith(literal);
      case "in" -> literals.stream().anyMatch(l -> equal(value, l));
      default -> throw new AssertionError(operator);
    };
  }

  private static boolean truthy(JsonNode v) {
    return (v.isBoolean() && v.booleanValue())
        || (v.isTextual() && v.textValue().length() > 0)
        || (v.isNumber() && v.doubleValue() != 0)
        || v.isContainerNode();
  }

  private static boolean containsEqual(JsonNode array, String literal) {
    for (JsonNode element : array) {
      if (equal(element, literal)) {
        return true;
      }
    }
    return false;
  }

  private static boolean equal(JsonNode v, String literal) {
    if (v.isTextual()) {
      return v.textValue().equals(literal);
    }
    if (v.isNumber()) {
      BigDecimal n = number(literal);
      return n != null && v.decimalValue().compareTo(n) == 0;
    }
    if (v.isBoolean()) {
      return literal.equals(String.valueOf(v.booleanValue()));
    }
    return v.isNull() && literal.equals("null");
  }

  private static boolean ordered(JsonNode v, String operator, String literal) {
    BigDecimal n = number(literal);
    if (!v.isNumber() || n == null) {
      return false;
    }
    int c = v.decimalValue().compareTo(n);
    return switch (operator) {
      case ">" -> c > 0;
      case ">=" -> c >= 0;
      case "<" -> c < 0;
      default -> c <= 0;
    };
  }

  private static BigDecimal number(String literal) {
    try {
      return new BigDecimal(literal);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
