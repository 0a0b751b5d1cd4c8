package dev.keyway.server.internal.doctor;

/**
 * Which value a setting uses in one environment, described by its references only: {@code
 * ${secret:stripe.live} (store)}, {@code ${env:TOKEN}}, {@code plain text}, {@code (none)}.
 */
public record ValueUse(String setting, String environment, String description) {}
