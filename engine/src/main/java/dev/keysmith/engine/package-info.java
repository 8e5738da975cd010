/** The embedded DynamoDB-compatible engine: storage on Xodus, expressions, indexes, the wire endpoint. */
package dev.keysmith.engine;
