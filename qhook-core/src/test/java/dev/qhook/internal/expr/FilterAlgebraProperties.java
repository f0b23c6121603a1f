package dev.qhook.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property (b): {@code not}, {@code and} and {@code or} mean the boolean operations, with {@code
 * not} binding tighter than {@code and} and {@code and} tighter than {@code or}; extra parentheses
 * never change a result.
 */
class FilterAlgebraProperties {

  sealed interface Expr {}

  record Atom(String text) implements Expr {}

  record And(Expr left, Expr right) implements Expr {}

  record Or(Expr left, Expr right) implements Expr {}

  record Not(Expr operand) implements Expr {}

  @Provide
  Arbitrary<Expr> expressions() {
    Arbitrary<Expr> atoms =
        Combinators.combine(
                Arbitraries.of(
                    "$.f0", "f1", "$['f2']", "$.o.k", "$.arr[0]", "$.arr[3]", "$.missing"),
                Arbitraries.of("==", "!=", ">", "<=", "contains", "in", "exists", ""),
                Arbitraries.of("a", "1", "2.0", "true", "null", "'x y'", "-1"))
            .as(
                (path, op, literal) ->
                    switch (op) {
                      case "" -> new Atom(path);
                      case "exists" -> new Atom(path + " exists");
                      case "in" -> new Atom(path + " in [" + literal + ", b]");
                      default -> new Atom(path + " " + op + " " + literal);
                    });
    return Arbitraries.recursive(() -> atoms, FilterAlgebraProperties::compound, 0, 5);
  }

  private static Arbitrary<Expr> compound(Arbitrary<Expr> sub) {
    return Arbitraries.oneOf(
        Combinators.combine(sub, sub).as(And::new),
        Combinators.combine(sub, sub).as(Or::new),
        sub.map(Not::new));
  }

  @Provide
  Arbitrary<JsonNode> documents() {
    return FilterOracleProperties.documents();
  }

  @Property(tries = 1000)
  void minimalAndFullParenthesizationAgreeWithBooleanSemantics(
      @ForAll("expressions") Expr expr, @ForAll("documents") JsonNode document) {
    boolean expected = evaluate(expr, document);
    String minimal = minimal(expr, 0);
    String full = full(expr);
    assertThat(Filter.parse(minimal).test(document)).as(minimal).isEqualTo(expected);
    assertThat(Filter.parse(full).test(document)).as(full).isEqualTo(expected);
  }

  @Property(tries = 500)
  void notIsNegationAndIsConjunctionOrIsDisjunction(
      @ForAll("expressions") Expr a,
      @ForAll("expressions") Expr b,
      @ForAll("documents") JsonNode d) {
    String textA = full(a);
    String textB = full(b);
    boolean valueA = Filter.parse(textA).test(d);
    boolean valueB = Filter.parse(textB).test(d);
    assertThat(Filter.parse("not " + textA).test(d)).isEqualTo(!valueA);
    assertThat(Filter.parse(textA + " and " + textB).test(d)).isEqualTo(valueA && valueB);
    assertThat(Filter.parse(textA + " or " + textB).test(d)).isEqualTo(valueA || valueB);
  }

  private static boolean evaluate(Expr expr, JsonNode document) {
    if (expr instanceof Atom atom) {
      return Filter.parse(atom.text()).test(document);
    }
    if (expr instanceof And and) {
      return evaluate(and.left(), document) && evaluate(and.right(), document);
    }
    if (expr instanceof Or or) {
      return evaluate(or.left(), document) || evaluate(or.right(), document);
    }
    return !evaluate(((Not) expr).operand(), document);
  }

  /** Text with only the parentheses precedence requires. */
  private static String minimal(Expr expr, int parentPrecedence) {
    int precedence;
    String text;
    if (expr instanceof Atom atom) {
      return atom.text();
    } else if (expr instanceof Or or) {
      precedence = 1;
      text = minimal(or.left(), 1) + " or " + minimal(or.right(), 1);
    } else if (expr instanceof And and) {
      precedence = 2;
      text = minimal(and.left(), 2) + " and " + minimal(and.right(), 2);
    } else {
      precedence = 3;
      text = "not " + minimal(((Not) expr).operand(), 3);
    }
    return precedence < parentPrecedence ? "(" + text + ")" : text;
  }

  /** Text with every compound and atom in parentheses, written without blanks around them. */
  private static String full(Expr expr) {
    if (expr instanceof Atom atom) {
      return "(" + atom.text() + ")";
    }
    if (expr instanceof And and) {
      return "(" + full(and.left()) + " and " + full(and.right()) + ")";
    }
    if (expr instanceof Or or) {
      return "(" + full(or.left()) + " or " + full(or.right()) + ")";
    }
    return "(not " + full(((Not) expr).operand()) + ")";
  }
}
