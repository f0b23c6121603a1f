package dev.qhook.internal.expr;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a filter can fail to parse names the problem and its column. */
class FilterErrorTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "$.status == paid)    | unexpected ')' at column 17 (expected 'and', 'or' or the end)",
        "($.a == 1            | missing ')' at column 10 ('(' opened at column 1)",
        "($.a == 1 $.b)       | unexpected '$.b' at column 11 (expected ')', 'and' or 'or')",
        "$.a ==               | missing value after '==' at column 7 (expected a value)",
        "$.a == )             | unexpected ')' at column 8 (expected a value)",
        "$.a = 1              | unexpected '=' at column 5 (did you mean '=='?)",
        "$.a ! 1              | unexpected '!' at column 5 (did you mean '!=' or 'not'?)",
        "! $.a                | unexpected '!' at column 1 (did you mean '!=' or 'not'?)",
        "$.a == 1 AND $.b     | unexpected 'AND' at column 10 (keywords are lowercase)",
        "$.a == 1 and         | unexpected end of expression at column 13 (expected a path such as $.name)",
        "$.a and or $.b       | unexpected 'or' at column 9 (expected a path such as $.name)",
        "== 1                 | unexpected '==' at column 1 (expected a path such as $.name)",
        "'x' == 1             | unexpected ''x'' at column 1 (expected a path such as $.name)",
        "()                   | unexpected ')' at column 2 (expected a path such as $.name)",
        "not                  | unexpected end of expression at column 4 (expected a path such as $.name)",
        "$.a == 'open         | unterminated string at column 8",
        "$.a in a, b          | unexpected 'a' at column 8 (expected '[' after 'in')",
        "$.a in [a, b         | missing ']' at column 13 ('[' opened at column 8)",
        "$.a in [a b]         | unexpected 'b' at column 11 (expected ',' or ']')",
        "$.a in []            | unexpected ']' at column 9 (expected a value)",
        "$.a in [a,]          | unexpected ']' at column 11 (expected a value)",
        "$.a matches '('      | invalid regex '(' at column 13 (Unclosed group)",
        "$.a. == 1            | expected a key after '.' at column 5",
        "$.a[-1] == 1         | array index must be >= 0 at column 5",
        "$.a == 1 $.b         | unexpected '$.b' at column 10 (expected 'and', 'or' or the end)",
        "$.a foo 1            | unexpected 'foo' at column 5 (expected 'and', 'or' or the end)",
        "$.a == '\\u12'       | invalid escape, '\\u' needs four hex digits at column 9 (write '\\\\u' for a backslash)",
      })
  void reportsTheProblemAndItsColumn(String filter, String message) {
    assertThatThrownBy(() -> Filter.parse(filter))
        .isInstanceOf(ExpressionException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource(value = {"''", "'   '"})
  void rejectsAnEmptyExpression(String filter) {
    assertThatThrownBy(() -> Filter.parse(filter))
        .isInstanceOf(ExpressionException.class)
        .hasMessage("empty filter expression");
  }
}
