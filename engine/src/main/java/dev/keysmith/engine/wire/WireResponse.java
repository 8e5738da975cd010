package dev.keysmith.engine.wire;

/** What the endpoint answers, before the transport adds the request id, checksum and CORS headers. */
record WireResponse(int status, String contentType, byte[] body) {}
