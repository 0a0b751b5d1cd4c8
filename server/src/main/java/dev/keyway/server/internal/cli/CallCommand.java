package dev.keyway.server.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.core.ApiResponse;
import dev.keyway.core.Keyway;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "call",
    mixinStandardHelpOptions = true,
    description = {
      "Makes one call from this terminal and prints the status and body.",
      "",
      "The call runs with the configuration's credentials, without a gateway. The body is"
          + " pretty-printed when it is JSON. Exits with 1 unless the status is 2xx."
    })
final class CallCommand implements Callable<Integer>, LoadsConfig {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Terminal terminal;

  @Mixin ConfigOptions config;

  @Parameters(index = "0", paramLabel = "COLLECTION", description = "The collection's id.")
  String collection;

  @Parameters(index = "1", paramLabel = "CALL", description = "The call's id.")
  String call;

  @Option(
      names = {"-p", "--param"},
      paramLabel = "NAME=VALUE",
      description = "A parameter of the call; repeat for more.")
  Map<String, String> params = new LinkedHashMap<>();

  CallCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Path configFile() {
    return config.file;
  }

  @Override
  public Integer call() {
    try (Keyway keyway = config.keyway(terminal)) {
      ApiResponse response;
      try {
        response = keyway.call(collection, call, params).toCompletableFuture().join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
      PrintWriter out = terminal.out();
      out.println("HTTP " + response.status());
      String body = pretty(response.bodyText());
      if (!body.isEmpty()) {
        out.println(body);
      }
      out.flush();
      return response.isSuccess() ? 0 : 1;
    }
  }

  private static String pretty(String text) {
    if (text.isBlank()) {
      return "";
    }
    try {
      JsonNode tree = JSON.readTree(text);
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    } catch (IOException notJson) {
      return text;
    }
  }
}
