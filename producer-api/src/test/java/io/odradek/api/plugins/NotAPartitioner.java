package io.odradek.api.plugins;

/** Has a no-arg constructor but implements nothing Odradek loads. */
public class NotAPartitioner {
}
