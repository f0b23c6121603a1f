package dev.qhook.server.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

class ServerLoggingTest {

  @Test
  void textLinesCarryTimestampLevelThreadLoggerAndMessage() {
    LoggerContext context = new LoggerContext();
    ServerLogging.apply(context, Level.INFO, false);

    String line = encode(context, "text", event(context, "dev.qhook.server.QHookServer", "hello"));

    assertThat(line)
        .matches(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  \\[main\\] "
                + "d\\.q\\.server\\.QHookServer - hello\\R");
  }

  @Test
  void jsonLinesAreOneObjectWithTheFormattedMessage() throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter()); // as logback's SLF4J provider does
    ServerLogging.apply(context, Level.INFO, true);

    String line = encode(context, "json", event(context, "x.Y", "n={}"));

    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(line).endsWith("}\n");
    assertThat(line.strip()).doesNotContain("\n");
    assertThat(json.get("timestamp").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z");
    assertThat(json.get("level").asText()).isEqualTo("INFO");
    assertThat(json.get("logger").asText()).isEqualTo("x.Y");
    assertThat(json.get("thread").asText()).isEqualTo("main");
    assertThat(json.get("message").asText()).isEqualTo("n=1");
    assertThat(json.has("exception")).isFalse();
  }

  @Test
  void jsonLinesCarryMdcAndKeyValuePairsAsFieldsAndTheStackTrace() throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    ServerLogging.apply(context, Level.INFO, true);
    LoggingEvent event =
        new LoggingEvent(
            "fqcn",
            context.getLogger("x.Y"),
            Level.WARN,
            "job {} is dead",
            new IllegalStateException("boom"),
            new Object[] {"J1"});
    event.setMDCPropertyMap(Map.of("job_id", "J1", "event_id", "E1", "message", "not me"));
    event.addKeyValuePair(new KeyValuePair("attempt", 3));

    JsonNode json = new ObjectMapper().readTree(encode(context, "json", event));

    assertThat(json.get("message").asText()).isEqualTo("job J1 is dead");
    assertThat(json.get("job_id").asText()).isEqualTo("J1");
    assertThat(json.get("event_id").asText()).isEqualTo("E1");
    assertThat(json.get("attempt").asText()).isEqualTo("3");
    assertThat(json.get("exception").asText())
        .startsWith("java.lang.IllegalStateException: boom")
        .contains("\tat ");
  }

  @Test
  void rootLevelIsTheChosenOneAndLibrariesOnlyWarn() {
    LoggerContext context = new LoggerContext();
    ServerLogging.apply(context, Level.DEBUG, false);

    assertThat(context.getLogger("dev.qhook").getEffectiveLevel()).isEqualTo(Level.DEBUG);
    assertThat(context.getLogger("com.zaxxer.hikari.pool").getEffectiveLevel())
        .isEqualTo(Level.WARN);
    assertThat(context.getLogger("org.jdbi.v3").getEffectiveLevel()).isEqualTo(Level.WARN);
  }

  @Test
  void isFoundAsALogbackServiceAndStepsAsideForAnXmlConfiguration() {
    assertThat(ServiceLoader.load(Configurator.class)).anyMatch(c -> c instanceof ServerLogging);
    // The tests have a logback-test.xml: the XML configuration wins.
    ServerLogging configurator = new ServerLogging();
    LoggerContext context = new LoggerContext();
    configurator.setContext(context);
    assertThat(configurator.configure(context))
        .isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders())
        .isExhausted();
  }

  private static ILoggingEvent event(LoggerContext context, String logger, String message) {
    LoggingEvent event =
        new LoggingEvent(
            "fqcn", context.getLogger(logger), Level.INFO, message, null, new Object[] {1});
    event.setThreadName("main");
    return event;
  }

  private static String encode(LoggerContext context, String appender, ILoggingEvent event) {
    OutputStreamAppender<ILoggingEvent> console =
        (OutputStreamAppender<ILoggingEvent>)
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(appender);
    return new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
  }
}
