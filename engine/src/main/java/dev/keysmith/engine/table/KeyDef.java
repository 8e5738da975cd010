package dev.keysmith.engine.table;

import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** One key attribute of a table or index: its name and scalar type. */
public record KeyDef(String name, ScalarAttributeType type) {}
