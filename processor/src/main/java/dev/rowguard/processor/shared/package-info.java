/**
 * Small rules that more than one stage of the processor needs (reading and validating, say), kept here so that the
 * stages depend on this package and never on each other.
 */
package dev.rowguard.processor.shared;
