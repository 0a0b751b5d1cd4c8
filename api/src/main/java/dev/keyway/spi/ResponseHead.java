package dev.keyway.spi;

/** The status and header fields of an upstream response, seen before its body. */
public record ResponseHead(int status, Headers headers) {}
