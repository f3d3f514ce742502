package dev.rowguard.schema.migrate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checksum manifest of the migrations folder: one line per generated file, {@code <sha-256>  <path>} (the
 * format of {@code sha256sum}, so {@code sha256sum -c} checks it too), paths relative to the folder, sorted. The
 * processor checks it before each build; {@code rowguard-cli align} adds the files it writes.
 */
public record Checksums(Map<String, String> byFile) {
  public static final String FILE = "rowguard/checksums.sha256";

  public Checksums {
    byFile = new TreeMap<>(byFile);
  }

  public static Checksums parse(String text) {
    Map<String, String> sums = new TreeMap<>();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      int space = trimmed.indexOf(' ');
      if (!trimmed.isEmpty() && !trimmed.startsWith("#") && space > 0) {
        sums.put(trimmed.substring(space).strip().replaceFirst("^\\*", ""), trimmed.substring(0, space));
      }
    }
    return new Checksums(sums);
  }

  public String render() {
    StringBuilder text = new StringBuilder();
    byFile.forEach((file, sum) -> text.append(sum).append("  ").append(file).append('\n'));
    return text.toString();
  }

  public Checksums with(String file, String content) {
    Map<String, String> sums = new TreeMap<>(byFile);
    sums.put(file, of(content));
    return new Checksums(sums);
  }

  public static String of(String content) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
