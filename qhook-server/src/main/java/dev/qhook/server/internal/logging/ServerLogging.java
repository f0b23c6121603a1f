package dev.qhook.server.internal.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logging of the standalone server, configured in code: logback finds this class as a service and
 * skips its XML configuration, which costs about a tenth of a second of start-up (an XML parser and
 * some 300 classes). Logs go to stderr, so that command output on stdout stays clean; the CLI sets
 * the two properties from the environment before the first log line: {@value #LEVEL_PROPERTY} from
 * {@code QHOOK_LOG_LEVEL} and {@value #FORMAT_PROPERTY} ({@code text}, or {@code json} for one JSON
 * object per line, see {@link JsonLineEncoder}) from {@code QHOOK_LOG_FORMAT}. Third-party
 * libraries stay quiet unless they have something to warn about.
 *
 * <p>A {@code logback.xml} or {@code logback-test.xml} on the class path, or the {@code
 * logback.configurationFile} property, takes precedence: this configurator then does nothing.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class ServerLogging extends ContextAwareBase implements Configurator {
  public static final String LEVEL_PROPERTY = "qhook.log.level";
  public static final String FORMAT_PROPERTY = "qhook.log.format";
  static final String TEXT_PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %logger{24} - %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (otherConfigurationPresent()) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    apply(
        context,
        Level.toLevel(System.getProperty(LEVEL_PROPERTY), Level.INFO),
        "json".equals(System.getProperty(FORMAT_PROPERTY)));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Root level {@code level}, one stderr appender writing text or JSON lines. */
  static void apply(LoggerContext context, Level level, boolean json) {
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName(json ? "json" : "text");
    console.setTarget("System.err");
    console.setEncoder(json ? jsonEncoder(context) : textEncoder(context));
    console.start();
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(level);
    root.addAppender(console);
    context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
    context.getLogger("org.jdbi").setLevel(Level.WARN);
  }

  private static boolean otherConfigurationPresent() {
    ClassLoader loader = ServerLogging.class.getClassLoader();
    return System.getProperty("logback.configurationFile") != null
        || loader.getResource("logback-test.xml") != null
        || loader.getResource("logback.xml") != null;
  }

  private static Encoder<ILoggingEvent> textEncoder(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(TEXT_PATTERN);
    encoder.start();
    return encoder;
  }

  private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
    JsonLineEncoder encoder = new JsonLineEncoder();
    encoder.setContext(context);
    encoder.start();
    return encoder;
  }
}
