/**
 * Serializers as classes, for {@code key.serializer} and {@code value.serializer} given by name (in a
 * {@code Properties} file, say). In code, {@link io.odradek.api.Serializers} hands out the same ones.
 */
package io.odradek.api.serialization;
