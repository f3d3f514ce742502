package dev.rowguard.cli;

import dev.rowguard.runtime.verify.ModelJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The text of {@code schema.json}: the file itself, or the entry {@value ModelJson#RESOURCE} of a jar. */
final class ModelFile {
  private ModelFile() {}

  static String read(Path path) throws CliException {
    if (!Files.isRegularFile(path)) {
      throw new CliException("--model " + path + " is not a file; give the application's jar or its schema.json");
    }
    try {
      if (!path.getFileName().toString().endsWith(".jar")) {
        return Files.readString(path, StandardCharsets.UTF_8);
      }
      try (ZipFile jar = new ZipFile(path.toFile())) {
        ZipEntry entry = jar.getEntry(ModelJson.RESOURCE);
        if (entry == null) {
          throw new CliException("--model " + path + " has no " + ModelJson.RESOURCE + "; build it with Rowguard's"
              + " annotation processor, or give the schema.json itself");
        }
        try (InputStream in = jar.getInputStream(entry)) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      throw new CliException("cannot read --model " + path + ": " + e.getMessage(), e);
    }
  }
}
