package dev.keysmith.modeler.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A codec for plain-text documents; a document starting with "unreadable" cannot be decoded. */
final class TextCodec implements DocumentCodec<String> {

    static final TextCodec INSTANCE = new TextCodec();

    @Override
    public byte[] encode(String document) {
        return document.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String decode(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("unreadable")) {
            throw new IOException("not a document: starts with 'unreadable'");
        }
        return text;
    }

    @Override
    public String describe(String document) {
        return document.length() + " characters";
    }
}
