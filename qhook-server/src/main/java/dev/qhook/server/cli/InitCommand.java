package dev.qhook.server.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code qhook init}: writes a commented {@code qhook.yaml} and, if absent, {@code
 * qhook.local.yaml}; never overwrites {@code qhook.yaml}.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = "Write a starter qhook.yaml and qhook.local.yaml.")
final class InitCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions = new ConfigOptions();
  @ParentCommand Main main;

  @Option(
      names = {"-t", "--template"},
      paramLabel = "TEMPLATE",
      description = "Add a source: ${COMPLETION-CANDIDATES}.",
      converter = TemplateConverter.class,
      completionCandidates = TemplateNames.class)
  InitTemplates.@Nullable Template template;

  @Override
  public Integer call() throws IOException {
    CliContext context = main.context();
    Path config = configOptions.file(context, main.configOptions);
    if (Files.exists(config)) {
      throw new CliFailure(config.getFileName() + " already exists; not overwriting it");
    }
    Files.createDirectories(config.toAbsolutePath().getParent());
    Files.writeString(config, InitTemplates.base(template), StandardCharsets.UTF_8);
    context.out().println("wrote " + config);
    Path overlay = localOverlay(config);
    if (!Files.exists(overlay)) {
      Files.writeString(overlay, InitTemplates.LOCAL_OVERLAY, StandardCharsets.UTF_8);
      context.out().println("wrote " + overlay);
    }
    context.out().println("next: qhook validate, then qhook start -e local");
    return 0;
  }

  /** {@code qhook.yaml} → {@code qhook.local.yaml}, beside it. */
  static Path localOverlay(Path config) {
    String name = config.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String overlay =
        dot <= 0 ? name + ".local" : name.substring(0, dot) + ".local" + name.substring(dot);
    return config.resolveSibling(overlay);
  }

  static final class TemplateNames extends java.util.ArrayList<String> {
    TemplateNames() {
      for (InitTemplates.Template t : InitTemplates.Template.values()) {
        add(t.label());
      }
    }
  }

  static final class TemplateConverter
      implements picocli.CommandLine.ITypeConverter<InitTemplates.Template> {
    @Override
    public InitTemplates.Template convert(String value) {
      for (InitTemplates.Template t : InitTemplates.Template.values()) {
        if (t.label().equalsIgnoreCase(value)) {
          return t;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "unknown template '"
              + value
              + "' (one of "
              + String.join(", ", new TemplateNames())
              + ")");
    }
  }
}
