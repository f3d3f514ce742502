package dev.rowguard.processor.repository;

import java.util.List;

/**
 * An enum and the text each constant is stored as.
 *
 * @param type the enum
 * @param constants its constants, in declaration order
 * @param storedValues the stored text of each constant, same order
 */
public record EnumMapping(JavaType.Declared type, List<String> constants, List<String> storedValues) {
  public EnumMapping {
    constants = List.copyOf(constants);
    storedValues = List.copyOf(storedValues);
  }
}
