package dev.qhook.reliability;

import dev.qhook.config.ConfigException;
import dev.qhook.config.ConfigLoader;
import dev.qhook.config.ConfigProblem;
import dev.qhook.server.cli.CliContext;
import dev.qhook.server.cli.Main;
import dev.qhook.server.cli.StopSignal;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Config fuzz: for a time, takes one of the example configs, applies {@link ConfigMutations}, and
 * runs {@code qhook validate} on the result in this JVM (the CLI's own entry, {@link Main#run}),
 * then {@code ConfigLoader} directly to see any exception ({@link ValidateOutcome}). Every crash
 * and unclear message is saved with its config and stack trace under {@code --out}; one result row
 * is appended to {@code --results}.
 *
 * <p>{@code ConfigFuzz --examples examples --seconds 60 --seed 7 --out dir --results results.tsv}
 */
public final class ConfigFuzz {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)");
  private static final int SAVED_PER_KIND = 3;

  private final Path work;
  private final Path out;
  private final Map<String, String> env;
  private ExecutorService runner = newRunner();
  private final Map<ValidateOutcome, Integer> outcomes = new EnumMap<>(ValidateOutcome.class);
  private final Map<String, Integer> findings = new TreeMap<>();
  private int saved;
  private int checked;

  private ConfigFuzz(Path work, Path out, Map<String, String> env) {
    this.work = work;
    this.out = out;
    this.env = env;
  }

  public static void main(String[] argv) {
    Cli.run(
        "config-fuzz",
        () -> {
          Args args = Args.parse(argv, "examples", "seconds", "seed", "out", "results");
          long seed = args.getLong("seed", System.nanoTime());
          List<Path> seeds;
          try (Stream<Path> files = Files.walk(Path.of(args.get("examples")))) {
            seeds = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
          }
          if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no .yaml under " + args.get("examples"));
          }
          List<String> texts = new ArrayList<>();
          Map<String, String> env = new TreeMap<>();
          for (Path p : seeds) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            texts.add(text);
            Matcher m = VARIABLE.matcher(text);
            while (m.find()) {
              env.put(m.group(1), "value-of-" + m.group(1).toLowerCase(java.util.Locale.ROOT));
            }
          }
          env.put("SET", "set");
          env.put("DATABASE_URL", "postgres://u:secret@127.0.0.1:1/db");
          Path out = Path.of(args.get("out"));
          Files.createDirectories(out);
          Path work = Files.createTempDirectory(out, "work");
          ConfigFuzz fuzz = new ConfigFuzz(work, out, env);
          int runs = fuzz.run(texts, new Gen(seed), args.getLong("seconds", 60));
          return fuzz.report(runs, seeds.size(), seed, Path.of(args.get("results")));
        });
  }

  private int run(List<String> seeds, Gen gen, long seconds) throws Exception {
    ConfigMutations mutations = new ConfigMutations(gen);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    int runs = 0;
    // Each example unchanged first: the baseline the mutations start from.
    for (String seed : seeds) {
      check(seed);
      runs++;
    }
    while (System.nanoTime() - end < 0) {
      check(mutations.mutate(gen.pick(seeds)));
      runs++;
    }
    return runs;
  }

  private void check(String yaml) throws Exception {
    Path file = work.resolve("qhook.yaml");
    Files.write(file, yaml.getBytes(StandardCharsets.UTF_8)); // a lone surrogate becomes ?
    StringWriter text = new StringWriter();
    int status;
    Future<Integer> validate =
        runner.submit(
            () -> {
              PrintWriter writer = new PrintWriter(text, true);
              CliContext context = new CliContext(work, env, writer, writer, StopSignal.manual());
              return Main.run(context, "validate", "-c", file.toString());
            });
    try {
      status = validate.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      status = -1; // the command let an exception or error out: the process would die with it
      text.write("uncaught: " + e.getCause());
    } catch (TimeoutException e) {
      validate.cancel(true);
      runner.shutdownNow();
      runner = newRunner(); // the stuck thread is a daemon; later configs get a fresh one
      outcomes.merge(ValidateOutcome.CRASH, 1, Integer::sum);
      finding("CRASH: validate did not finish within 10 s", yaml, text.toString(), null);
      return;
    }
    Throwable failure = null;
    List<String> problems = new ArrayList<>();
    try {
      ConfigLoader.builder().environment(env).workingDirectory(work).build().load(file);
    } catch (ConfigException e) {
      e.problems().stream().map(ConfigProblem::message).forEach(problems::add);
    } catch (RuntimeException | Error e) {
      failure = e;
    }
    ValidateOutcome outcome = ValidateOutcome.classify(status, text.toString(), failure, problems);
    outcomes.merge(outcome, 1, Integer::sum);
    if (++checked % 25 == 1) { // a sample of what validate said, to judge its messages by eye
      Files.writeString(
          out.resolve("samples.txt"),
          "== " + outcome + " (exit " + status + ")\n" + text.toString().strip() + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
    if (outcome.failed()) {
      finding(
          outcome
              + ": "
              + (failure != null ? failure.toString() : ValidateOutcome.evidence(text.toString())),
          yaml,
          text.toString(),
          failure);
    }
  }

  private void finding(String what, String yaml, String output, @Nullable Throwable failure)
      throws IOException {
    String kind = what.length() > 160 ? what.substring(0, 160) : what;
    if (findings.merge(kind, 1, Integer::sum) > SAVED_PER_KIND) {
      return;
    }
    saved++;
    StringWriter trace = new StringWriter();
    if (failure != null) {
      failure.printStackTrace(new PrintWriter(trace));
    }
    Path dir = out.resolve("finding-" + saved);
    Files.createDirectories(dir);
    Files.write(dir.resolve("qhook.yaml"), yaml.getBytes(StandardCharsets.UTF_8));
    Files.writeString(
        dir.resolve("report.txt"),
        what
            + "\n"
            + ValidateOutcome.example(output)
            + "\n\nqhook validate printed:\n"
            + output
            + "\n\nConfigLoader threw:\n"
            + trace,
        StandardCharsets.UTF_8);
  }

  private int report(int runs, int seeds, long seed, Path results) throws IOException {
    int crashed = outcomes.getOrDefault(ValidateOutcome.CRASH, 0);
    int unclear = outcomes.getOrDefault(ValidateOutcome.UNCLEAR, 0);
    String notes =
        runs
            + " configs validated ("
            + seeds
            + " examples and mutations of them, seed "
            + seed
            + "): "
            + outcomes.getOrDefault(ValidateOutcome.VALID, 0)
            + " valid, "
            + outcomes.getOrDefault(ValidateOutcome.CLEAR_ERRORS, 0)
            + " refused with clear errors, "
            + unclear
            + " unclear messages, "
            + crashed
            + " crashes"
            + (findings.isEmpty() ? "" : " " + findings);
    ResultRow row =
        new ResultRow("config fuzz", "-", "-", "-", "-", "-", "-", crashed + unclear == 0, notes);
    ResultRow.append(results, row);
    System.out.println(row.markdown());
    runner.shutdownNow();
    return crashed + unclear == 0 ? 0 : Cli.CHECKS_FAILED;
  }

  private static ExecutorService newRunner() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, "validate");
          t.setDaemon(true);
          return t;
        });
  }
}
