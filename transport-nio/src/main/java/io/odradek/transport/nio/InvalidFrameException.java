package io.odradek.transport.nio;

import java.io.IOException;

/** The peer sent a size prefix we refuse: negative, or above the configured maximum response size. */
final class InvalidFrameException extends IOException {
    InvalidFrameException(String message) {
        super(message);
    }
}
